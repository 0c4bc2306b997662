"""A small reader of the kustomizations under deploy/ (no kustomize binary is available here).

It understands exactly the features deploy/ uses and refuses any other, so a manifest that
starts using something new fails loudly here instead of being checked half-way:
resources (files and directories), components, namespace, images, replicas, JSON 6902
patches with a target, and configMapGenerator (envs, literals, files; create and merge).
Generated ConfigMaps keep their plain names (kustomize adds a hash and renames references).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"

Resource = dict[str, Any]

_FIELDS = {
    "apiVersion",
    "kind",
    "namespace",
    "resources",
    "components",
    "images",
    "replicas",
    "patches",
    "configMapGenerator",
}
_CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition"}
_POD_OWNERS = {"Deployment", "StatefulSet", "DaemonSet", "Job"}


class KustomizationError(AssertionError):
    """A kustomization this reader cannot build: a missing file or an unsupported feature."""


@dataclass
class Build:
    resources: list[Resource]
    files: set[Path] = field(default_factory=set)

    def of_kind(self, kind: str) -> list[Resource]:
        return [r for r in self.resources if r["kind"] == kind]

    def one(self, kind: str, name: str) -> Resource:
        found = [r for r in self.of_kind(kind) if r["metadata"]["name"] == name]
        if len(found) != 1:
            raise KustomizationError(f"expected one {kind} {name}, found {len(found)}")
        return found[0]


def read_documents(path: Path) -> list[Resource]:
    """Every non-empty YAML document of a file."""
    with path.open(encoding="utf-8") as stream:
        return [doc for doc in yaml.safe_load_all(stream) if doc is not None]


def build(directory: Path) -> Build:
    """Render the kustomization in `directory` the way `kubectl kustomize` would."""
    return _build(directory.resolve(), Build([]))


def _build(directory: Path, inherited: Build) -> Build:
    spec_path = directory / "kustomization.yaml"
    if not spec_path.is_file():
        raise KustomizationError(f"{directory} has no kustomization.yaml")
    spec = read_documents(spec_path)[0]
    unknown = set(spec) - _FIELDS
    if unknown:
        raise KustomizationError(f"{spec_path}: fields this reader does not support: {unknown}")
    is_component = spec.get("kind") == "Component"
    out = Build(list(inherited.resources) if is_component else [], {spec_path})
    for entry in spec.get("resources", []):
        path = _existing(directory / entry, spec_path)
        if path.is_dir():
            sub = _build(path, Build([]))
            out.resources += sub.resources
            out.files |= sub.files
        else:
            out.resources += copy.deepcopy(read_documents(path))
            out.files.add(path)
    for entry in spec.get("components", []):
        sub = _build(_existing(directory / entry, spec_path), out)
        out.resources, out.files = sub.resources, out.files | sub.files
    for generator in spec.get("configMapGenerator", []):
        _generate_config_map(generator, directory, spec_path, out)
    for patch in spec.get("patches", []):
        _apply_patch(patch, spec_path, out.resources)
    if "namespace" in spec:
        for resource in out.resources:
            if resource["kind"] not in _CLUSTER_SCOPED:
                resource["metadata"]["namespace"] = spec["namespace"]
    for image in spec.get("images", []):
        _set_image(image, out.resources)
    for replicas in spec.get("replicas", []):
        _set_replicas(replicas, spec_path, out.resources)
    return out


def _existing(path: Path, spec_path: Path) -> Path:
    if not path.exists():
        raise KustomizationError(f"{spec_path} refers to {path}, which does not exist")
    return path.resolve()


def _generate_config_map(generator: dict, directory: Path, spec_path: Path, out: Build) -> None:
    unknown = set(generator) - {"name", "behavior", "envs", "literals", "files"}
    if unknown:
        raise KustomizationError(f"{spec_path}: configMapGenerator fields not supported: {unknown}")
    data: dict[str, str] = {}
    for entry in generator.get("envs", []):
        path = _existing(directory / entry, spec_path)
        out.files.add(path)
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                key, _, value = line.partition("=")
                data[key.strip()] = value
    for literal in generator.get("literals", []):
        key, _, value = literal.partition("=")
        data[key] = value
    for entry in generator.get("files", []):
        path = _existing(directory / entry, spec_path)
        out.files.add(path)
        data[path.name] = path.read_text(encoding="utf-8")
    behavior = generator.get("behavior", "create")
    existing = [
        r for r in out.resources
        if r["kind"] == "ConfigMap" and r["metadata"]["name"] == generator["name"]
    ]
    if behavior == "create" and not existing:
        out.resources.append(
            {"apiVersion": "v1", "kind": "ConfigMap",
             "metadata": {"name": generator["name"]}, "data": data}
        )
    elif behavior == "merge" and len(existing) == 1:
        existing[0]["data"].update(data)
    else:
        raise KustomizationError(
            f"{spec_path}: configMapGenerator {generator['name']} with behavior {behavior} "
            f"and {len(existing)} existing ConfigMaps of that name"
        )


def _apply_patch(patch: dict, spec_path: Path, resources: list[Resource]) -> None:
    target = patch.get("target")
    operations = yaml.safe_load(patch.get("patch", ""))
    if not target or not isinstance(operations, list) or "path" in patch:
        raise KustomizationError(f"{spec_path}: only inline JSON 6902 patches with a target")
    matched = [
        r for r in resources
        if r["kind"] == target["kind"] and r["metadata"]["name"] == target["name"]
        and r["apiVersion"].split("/")[0] == target.get("group", r["apiVersion"].split("/")[0])
    ]
    if len(matched) != 1:
        raise KustomizationError(f"{spec_path}: patch target {target} matches {len(matched)}")
    for operation in operations:
        _apply_operation(matched[0], operation, spec_path)


def _apply_operation(resource: Resource, operation: dict, spec_path: Path) -> None:
    *parents, last = operation["path"].lstrip("/").split("/")
    node: Any = resource
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    op = operation["op"]
    if op in ("replace", "remove") and (
        (isinstance(node, list) and int(last) >= len(node))
        or (isinstance(node, dict) and last not in node)
    ):
        raise KustomizationError(f"{spec_path}: {op} of missing {operation['path']}")
    if op == "remove":
        del node[int(last) if isinstance(node, list) else last]
    elif op == "replace":
        node[int(last) if isinstance(node, list) else last] = operation["value"]
    elif op == "add" and isinstance(node, list):
        node.insert(len(node) if last == "-" else int(last), operation["value"])
    elif op == "add":
        node[last] = operation["value"]
    else:
        raise KustomizationError(f"{spec_path}: JSON patch operation {op} not supported")


def containers(resource: Resource) -> list[dict]:
    """Containers and init containers of a workload's pod template."""
    pod = resource["spec"]["template"]["spec"]
    return pod.get("initContainers", []) + pod.get("containers", [])


def _set_image(image: dict, resources: list[Resource]) -> None:
    for resource in resources:
        if resource["kind"] not in _POD_OWNERS:
            continue
        for container in containers(resource):
            name = container["image"].split("@")[0].rsplit(":", 1)[0]
            if name == image["name"]:
                new_name = image.get("newName", name)
                container["image"] = f"{new_name}:{image['newTag']}" if "newTag" in image \
                    else new_name


def _set_replicas(replicas: dict, spec_path: Path, resources: list[Resource]) -> None:
    matched = [
        r for r in resources
        if r["kind"] in ("Deployment", "StatefulSet") and r["metadata"]["name"] == replicas["name"]
    ]
    if len(matched) != 1:
        raise KustomizationError(f"{spec_path}: replicas for {replicas['name']} match nothing")
    matched[0]["spec"]["replicas"] = replicas["count"]
