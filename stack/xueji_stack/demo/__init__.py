"""The demo data `xueji up` seeds: the registry's organisations, staff and pupils, the demo
transfers, and the stand-in for Shandong's own registry system (a docking province)."""
