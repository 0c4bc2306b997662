#!/bin/sh
# Configures the xueji Tenant after the operator created it: the lifecycle rule of the export
# bucket, and one S3 user per service limited to that service's buckets by its policy.
# Every step replaces or checks what is there, so the Job can run again after any change.
set -eu

. /etc/xueji/minio-env/config.env
mkdir -p "$MC_CONFIG_DIR/certs/CAs"
cp /etc/xueji/cluster-ca/ca.crt "$MC_CONFIG_DIR/certs/CAs/cluster-ca.crt"
mc alias set xueji "https://minio.xueji-platform.svc.cluster.local" \
  "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"

# Backstop for the export service, which deletes each file when its period of use ends.
mc ilm rule import xueji/xueji-exports < /etc/xueji/storage/exports-lifecycle.json

for service in registry transfer photo export; do
  policy="xueji-$service"
  access_key="$(cat "/etc/xueji/s3/$service/access-key")"
  secret_key="$(cat "/etc/xueji/s3/$service/secret-key")"
  mc admin policy create xueji "$policy" "/etc/xueji/storage/policy-$service.json"
  mc admin user add xueji "$access_key" "$secret_key"
  # attach fails when the policy is already attached, so look first.
  case "$(mc admin policy entities xueji --user "$access_key")" in
    *"$policy"*) ;;
    *) mc admin policy attach xueji "$policy" --user "$access_key" ;;
  esac
done
