/*
 * Vietnamese diacritic-insensitive search: shim around Material's search worker.
 *
 * Loaded as the search worker (overrides/main.html points __config.search here,
 * with the original worker URL in ?w=). It
 *  1. adds a lunr index-pipeline function that turns every token into its
 *     canonical form and, when different, also its folded form AT THE SAME
 *     POSITION (so Material's highlighter marks the displayed word);
 *  2. removes lunr's English stemmer from the search pipeline (quoted and
 *     +terms are not wildcarded and would be stemmed: "này" -> "nài");
 *  3. rewrites each query before Material sees it: bare word -> "canon fold^1"
 *     (Material appends "*" to canon, the folded variant stays a whole word),
 *     quoted / +word -> "+canon" (exact up to case, Unicode form, tone
 *     placement and apostrophes), -word -> "-canon -fold";
 *  4. maps result.terms back to the words the user typed (no "Missing: thoát"
 *     when only the variant "thoat" matched a word's other form).
 * canon() and fold() come from ../vi-fold.js (the rules of macros/text.py);
 * the separator comes from mkdocs.yml via the index config.
 */
(function () {
  "use strict"

  var SETUP = 0, QUERY = 2, RESULT = 3        // SearchMessageType (9.8.1)
  /* canon()/fold(): ../vi-fold.js, same version (?v=) as this file */
  var params = new URL(self.location.href).searchParams
  importScripts(new URL("../vi-fold.js?v=" + params.get("v"), self.location.href).href)
  var canon = self.viFold.canon, fold = self.viFold.fold

  /* lunr pipeline function: token -> [canon] or [canon, fold], same metadata */
  var memo = new Map()                        // token -> [canon, fold]
  function foldToken(token) {
    var str = token.toString(), cf = memo.get(str)
    if (!cf)
      memo.set(str, cf = [canon(str), ""]), cf[1] = fold(cf[0])
    var c = cf[0], f = cf[1]
    if (!c)
      return null
    token.update(function () { return c })
    return f === c ? token : [token, token.clone(function () { return f })]
  }

  /* Query rewriting ------------------------------------------------------ */
  var separator = /[\s\-]+/

  function rewrite(query) {
    var map = {}                               // emitted term -> typed word
    var out = []
    function emit(prefix, term, suffix, typed) {
      map[term] = typed
      out.push(prefix + term + suffix)
    }
    query = query.normalize("NFC")
      .replace(/[\u201c\u201d\u201e]/g, "\"")
      .replace(/(\p{L})['\u2019\u02bc]\s+(?=\p{L})/gu, "$1")  // H' Drai
    query.split(/"([^"]*)"/).forEach(function (part, i) {
      part.split(/\s+/).forEach(function (word) {
        var m = /^([+-]?)(.*)$/.exec(word)
        var prefix = i & 1 ? "+" : m[1]
        m[2].split(separator).forEach(function (w) {
          if (!w) return
          var suffix = /[*~^]\d*$/.exec(w)    // keep lunr operators at the end
          suffix = suffix ? suffix[0] : ""
          var body = w.slice(0, w.length - suffix.length)
          var typed = body.normalize("NFC").toLowerCase()
          var c = canon(body), f = fold(body)
          if (!c) return
          emit(prefix, c, suffix, typed)
          /* The folded variant of a word typed WITH marks matches whole
             words only ("^1" is a no-op boost that stops Material from
             appending "*"), so "hoà" finds hoa/hóa/hỏa but not "hoạch". */
          if (prefix !== "+" && f !== c)
            emit(prefix, f, suffix || (prefix ? "" : "^1"), typed)
        })
      })
    })
    return { query: out.join(" "), map: map }
  }

  /* Merge result terms of variants into the word the user typed */
  function mergeTerms(items, map) {
    if (!map) return
    items.forEach(function (group) {
      group.forEach(function (item) {
        var terms = {}
        Object.keys(item.terms || {}).forEach(function (key) {
          var typed = map[key] || key
          terms[typed] = !!(terms[typed] || item.terms[key])
        })
        item.terms = terms
      })
    })
  }

  /* Hook into the worker's message flow (Material uses bare globals) ----- */
  var pending = []
  var addEventListener = self.addEventListener
  self.addEventListener = function (type, fn, options) {
    if (type === "message") {
      var inner = fn
      fn = function (ev) {
        var msg = ev.data
        if (msg && msg.type === SETUP)
          separator = new RegExp(msg.data.config.separator)
        if (msg && msg.type === QUERY && typeof msg.data === "string") {
          var r = rewrite(msg.data)
          pending.push(r.map)
          msg = { type: QUERY, data: r.query }
        }
        return inner.call(this, { data: msg })
      }
    }
    return addEventListener.call(self, type, fn, options)
  }
  var postMessage = self.postMessage
  self.postMessage = function (msg) {
    if (msg && msg.type === RESULT && msg.data && msg.data.items)
      mergeTerms(msg.data.items, pending.shift())
    return postMessage.apply(self, arguments)
  }

  /* Load Material's worker, then patch lunr's builder ------------------- */
  importScripts(params.get("w"))

  var lunr = self.lunr
  lunr.Pipeline.registerFunction(foldToken, "viFoldToken")
  var add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.__viFold) {
      this.__viFold = true
      this.pipeline.add(foldToken)
      this.searchPipeline.remove(lunr.stemmer)
    }
    return add.call(this, doc, attributes)
  }

  /* A word matched by both its canonical and its folded term has the same
     position twice; Material's highlight() would then insert <mark> twice at
     stale offsets ("ark>thoát"). Keep each position once per field. The
     metadata objects may be shared with the inverted index: replace, never
     mutate them. */
  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    var results = query.call(this, fn)
    results.forEach(function (result) {
      var metadata = result.matchData.metadata, seen = {}
      Object.keys(metadata).forEach(function (term) {
        Object.keys(metadata[term]).forEach(function (field) {
          var data = metadata[term][field]
          if (!data || !data.position) return
          var done = seen[field] || (seen[field] = {})
          var position = data.position.filter(function (p) {
            return done[p] ? false : (done[p] = true)
          })
          if (position.length !== data.position.length)
            metadata[term][field] = Object.assign({}, data, { position: position })
        })
      })
    })
    return results
  }

})()
