/*
 * On-page highlighting after a search result is followed (?h=…), for words
 * that match only when folded: "?h=thoat ngheo" marks "thoát nghèo".
 * Material's own highlighter (feature search.highlight) marks the words that
 * contain the typed text as it is; this marks the others, the same way
 * (<mark data-md-highlight>). Needs vi-fold.js.
 */
(function () {
  "use strict"

  var query = new URL(location.href).searchParams.get("h")
  var content = document.querySelector(".md-content article")
  if (!query || !content || !self.viFold)
    return
  var fold = self.viFold.fold
  var typed = query.toLowerCase().split(/[\s*+\-:~^"]+/).filter(Boolean)
  var folded = typed.map(fold)
  var WORD = /[\p{L}\p{M}\p{N}'\u2019\u02bc]+/gu

  /* a word Material leaves alone, but whose folded form starts like a typed one */
  function wanted(word) {
    var lower = word.toLowerCase(), f = fold(word)
    for (var i = 0; i < typed.length; i++)
      if (lower.indexOf(typed[i]) === -1 && folded[i] && f.indexOf(folded[i]) === 0)
        return true
    return false
  }

  var nodes = []
  var it = document.createNodeIterator(content, NodeFilter.SHOW_TEXT)
  for (var node = it.nextNode(); node; node = it.nextNode())
    if (!node.parentElement.closest("mark, script, style"))
      nodes.push(node)

  nodes.forEach(function (node) {
    var text = node.textContent, last = 0, parts = [], m
    WORD.lastIndex = 0
    while ((m = WORD.exec(text))) {
      if (!wanted(m[0]))
        continue
      parts.push(document.createTextNode(text.slice(last, m.index)))
      var mark = document.createElement("mark")
      mark.setAttribute("data-md-highlight", "")
      mark.textContent = m[0]
      parts.push(mark)
      last = m.index + m[0].length
    }
    if (!parts.length)
      return
    parts.push(document.createTextNode(text.slice(last)))
    node.replaceWith.apply(node, parts)
  })
})()
