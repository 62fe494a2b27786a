// WCAG 2.2 contrast of every visible text in the page, computed, not judged by eye.
// For each text node: its element's colour (alpha times every ancestor's
// opacity) composited over the backgrounds of its ancestors (from the root
// down, starting from white); large text is 24 px, or 18.66 px bold.
// Returns the failures: [{text, fg, bg, ratio, need, where}].
() => {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/)
    if (!m) return null  // color(...) or a keyword: not produced by this site's CSS
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number)
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}
  }
  const over = (top, bottom) => {  // top composited over an opaque bottom
    const a = top.a
    return {r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1}
  }
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4) }
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b)
  }
  const ratio = (x, y) => { const a = lum(x), b = lum(y); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) }
  const hex = (c) => '#' + [c.r, c.g, c.b].map(v => Math.round(v).toString(16).padStart(2, '0')).join('')
  const background = (el) => {
    const layers = []
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor)
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break }
    }
    let bg = {r: 255, g: 255, b: 255, a: 1}
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg)
    return bg
  }
  const opacity = (el) => {
    let o = 1
    for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity)
    return o
  }
  const vw = document.documentElement.clientWidth
  const failures = []
  const seen = new Set()
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.data.trim()) continue
    const el = n.parentElement
    if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName)) continue
    if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue
    const range = document.createRange()
    range.selectNodeContents(n)
    const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0 && r.right > 0 && r.left < vw)
    if (!rects.length) continue  // off screen (a closed drawer) or clipped away
    const cs = getComputedStyle(el)
    const fg0 = parse(cs.color)
    if (!fg0) continue
    const bg = background(el)
    const fg = over({...fg0, a: fg0.a * opacity(el)}, bg)
    const size = parseFloat(cs.fontSize), bold = Number(cs.fontWeight) >= 700
    const large = size >= 24 || (bold && size >= 18.66)
    const need = large ? 3 : 4.5
    const r = ratio(fg, bg)
    if (r + 1e-6 < need) {
      const key = hex(fg) + hex(bg) + el.className
      if (seen.has(key)) continue
      seen.add(key)
      failures.push({text: n.data.trim().slice(0, 40), fg: hex(fg), bg: hex(bg), ratio: Math.round(r * 100) / 100,
                     need, where: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '')})
    }
  }
  return failures
}
