# Second reader for the workbook test (not exceljs): Debian's python3-openpyxl prints every sheet as JSON.
import datetime
import json
import sys

import openpyxl


def cell(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return {"date": value.isoformat()}
    return value


book = openpyxl.load_workbook(sys.argv[1])
out = {}
for sheet in book.worksheets:
    out[sheet.title] = {
        "freeze": sheet.freeze_panes,
        "autoFilter": sheet.auto_filter.ref,
        "widths": [sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(sheet.max_column)],
        "rows": [[cell(c.value) for c in row] for row in sheet.iter_rows()],
        "formats": [[c.number_format for c in row] for row in sheet.iter_rows(min_row=2, max_row=2)],
        "types": [[c.data_type for c in row] for row in sheet.iter_rows()],
    }
json.dump(out, sys.stdout, ensure_ascii=False)
