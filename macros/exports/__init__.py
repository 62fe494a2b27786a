"""Files offered for download, made at build time from the Site and the results:
the calendar (.ics), spreadsheets (.xlsx, .csv) and the Excel report templates.
Each function returns bytes and takes no clock: the same data gives the same bytes."""
