"""The approval lifecycle of an export application, around its Temporal workflow
(`xueji_workflows.export_approval`): starting it when an application is filed, the decisions
and executions the API forwards to it, the events it records, and the activities that
generate the file and delete it when the period of use ends."""
