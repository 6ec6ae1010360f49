"""Moving data in and out: the Excel/CSV member import wizard and its template."""
