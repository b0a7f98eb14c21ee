"""Server-side drawings: the org chart (tidy-tree layout, SVG, PDF) and the cooperation network (SVG).

No JavaScript library draws anything: the layout is computed here and the browser only shows it.
"""
