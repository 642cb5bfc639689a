"""The WPS Office add-in (WPS 加载项): the same buttons as the Excel ribbon,
run by a loopback service that calls ``xltools.excel.entry`` (docs/wps.md)."""
