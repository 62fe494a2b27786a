"""Results of the plan, as reported by the units: data/ket-qua/<unit code>.yaml.

model.py  the typed shape of one unit's results file (and of data/bao-cao.yaml)
checks.py the rules against the plan (period, conferences, budget, topics, dates)
load.py   reading the folder (optional: no folder, no results) into a Results value
progress.py derived figures: status per unit, totals for the province
Nothing here imports MkDocs.
"""
