"""Reading an office's plan file (.docx, .txt) into the plan folder's data
(macros/import_plan.py is the command).

    blocks.py     what every reader yields: paragraphs (text runs, a list marker) and tables
    docx.py       .docx with python-docx, Word's automatic numbering rebuilt from numbering.xml
    odt.py        .odt (LibreOffice) with lxml, list numbering rebuilt from the ODF list styles
    plaintext.py  .txt, one paragraph a line
    structure.py  blocks -> the plan (header, căn cứ, sections, items, notes, closing, signature)
    write.py      the plan's files as YAML text, and its entry added to data/website.yaml's text

Nothing here imports mkdocs; nothing here corrects the text: every character is the file's
(NFC-normalised, as every text of the site is).
"""
