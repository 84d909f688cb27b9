"""The source of a document as plain text, before any reader: decoding, blocks with their line numbers,
dates, scripts, marks (quotations, brackets) and name keys. Nothing here knows TEI.

    decode   bytes -> text (encodings recognised, binary refused)
    blocks   text -> blocks of lines, each with its first line's number
    dates    dates in the shapes archives write them -> ISO 8601
    scripts  the script of a text (Latin, Cyrillic…)
    marks    quotation marks and quotations, a quoted title, square brackets
    names    spelling-neutral keys of names across scripts, Russian case endings, initials, edit distance
"""
