/*
 * Vietnamese folding rules, the same as canon() and fold() in macros/text.py
 * (tests/test_search.py checks they agree on a word list). Loaded by the
 * search worker shim (workers/vi-search.js) and by the page (vi-highlight.js).
 *
 * canon(text): lower case, NFC, apostrophes dropped, tone mark of a word-final
 *   oa/oe/uy moved to the first vowel ("hoà" -> "hòa", "uỷ" -> "ủy").
 * fold(text):  canon() without any diacritic, "đ" -> "d".
 */
(function () {
  "use strict"

  var APOS = /['\u2019\u02bc\u2018`]/g
  var OA = /o([ae])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu
  var UY = /uy([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu
  var MARKS = /[\u0300-\u036f]/g

  function canon(text) {
    return text.normalize("NFD").toLowerCase()
      .replace(APOS, "")
      .replace(OA, "o$2$1")
      .replace(UY, "u$1y")
      .normalize("NFC")
  }

  function fold(text) {
    return canon(text).normalize("NFD")
      .replace(MARKS, "").replace(/\u0111/g, "d")
      .normalize("NFC")
  }

  self.viFold = { canon: canon, fold: fold }
})()
