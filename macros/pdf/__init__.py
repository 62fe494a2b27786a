"""Printouts as PDF: the plan, one handout per unit, the handbook.

documents.py builds the HTML (pure, from the Site and the built pages),
writer.py turns it into PDF with WeasyPrint. Nothing here imports MkDocs.
"""
