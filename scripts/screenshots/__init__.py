"""Screenshots of the console for a person to look at, one module per screen.

Run from the repository's root under an X server, e.g.
``xvfb-run -a -s "-screen 0 1600x1000x24" python -m scripts.screenshots.runner [OUT_DIR]``.
Each opens the console through ``egovops_ui.testing``, as the UI tests do.
"""
