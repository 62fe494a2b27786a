"""The thin layer: the only code that knows MkDocs. It wires the render
functions into MkDocs and nothing else; moving to another engine replaces
this folder."""
