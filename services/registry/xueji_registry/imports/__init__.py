"""Excel import of new pupils (学生信息导入): template, reading, checks, bulk apply, reports.

Pure parts (column mapping, cell normalisation, row parsing, sheet splitting)
are apart from the database and HTTP parts (staging, service, views).
"""
