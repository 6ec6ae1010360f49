"""Entities as plain JSON values and back, checked field by field: the generic conversion, the
meetings' reader (exports, imports, sealed records) and the sealed minutes record format."""
