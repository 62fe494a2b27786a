"""Offline reading: the web app manifest and icons, the service worker's
precache list, the downloadable ZIP of the file:// copy, and the scripts that
let that copy search without a web worker.

Pure Python (no mkdocs imports): macros/adapters/offline_hooks.py wires it in.
"""
