"""Export stage: the report model as data files (JSON, CSV) and in the annotation format."""
