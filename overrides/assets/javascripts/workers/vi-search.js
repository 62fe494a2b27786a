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
 *     when only the variant "thoat" matched a word's other form);
 *  5. re-ranks the results (see "Ranking" below): whole words, phrases and
 *     titles first, editors' material last;
 *  6. loads nothing until the page asks: overrides/main.html starts the
 *     worker when the reader first opens search. As built, this file carries
 *     vi-fold.js, Material's worker and lunr's language scripts after it
 *     (macros/searchworker.py); unbundled (the file:// copy), it fetches them
 *     on the first message ({type: "vi-load"}, or the index itself).
 * canon() and fold() come from ../vi-fold.js (the rules of macros/text.py);
 * the separator comes from mkdocs.yml via the index config.
 */
(function () {
  "use strict"

  var SETUP = 0, QUERY = 2, RESULT = 3        // SearchMessageType (9.8.1)
  /* The page (overrides/main.html) sends {type: LOAD} when the reader first
     opens or focuses search, before the index (SETUP) arrives: only then are
     the scripts below fetched, all at once, while the index downloads. */
  var LOAD = "vi-load"
  var params = new URL(self.location.href).searchParams
  var canon, fold                             // from ../vi-fold.js, loaded by load()

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
    var words = []                             // for rank(): what the reader looks for
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
          if (prefix !== "-")
            words.push({ c: c, f: f, prefix: prefix === "" && !suffix })
          emit(prefix, c, suffix, typed)
          /* The folded variant of a word typed WITH marks matches whole
             words only ("^1" is a no-op boost that stops Material from
             appending "*"), so "hoà" finds hoa/hóa/hỏa but not "hoạch". */
          if (prefix !== "+" && f !== c)
            emit(prefix, f, suffix || (prefix ? "" : "^1"), typed)
        })
      })
    })
    return { query: out.join(" "), map: map, words: words }
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

  /* Ranking ---------------------------------------------------------------
     lunr scores a prefix match like a whole word and rewards rare words, so
     "kinh phi" put "Phiếu khảo sát" ("phi" starts "phiếu") first. Each result
     gets a key, compared in order:
       1. readers' pages before editors' material (index boost < 1);
       2. how many of the typed words it matches at all;
       2b. whether the query names the page: its title or one of its "names"
          (the index carries them for unit pages, macros/searchindex.py Named) typed
          whole, word after word; the longest name counts ("kinh phi tu mo
          rong": Huyện Tu Mơ Rông before the budget table that lists it);
       3. how well each word matches, summed: the word itself with its marks
          as typed (3) > its folded form (2) > the start of a longer word (1);
       4. how many neighbouring typed words stand next to each other in it
          ("duoc lieu": "dược liệu" beats "được … tài liệu");
       5. how many typed words are in its title or heading, and then whether
          the title is just the typed words ("ke hoach": the plan, "Kế
          hoạch", before the home page "Kế hoạch tuyên truyền…");
       6. how often the typed words occur together, in order (multi-word
          queries only: "30/11" three times on the timeline);
       7. Material's own score (lunr's, the page above its sections).
     The results are re-sorted by these keys and their scores rewritten so
     that Enter, which opens the highest score, opens the first hit.
     Dates: in "ngay 30 thang 11" the words "ngay", "thang", "nam" only say
     that a date follows; they are left out of the key, and "30 tháng 11"
     counts as 30 and 11 standing together, like "30/11". */
  var boosts = new Map()                      // location -> index boost
  var titleLength = new Map()                 // location -> words in its title
  var names = new Map()                       // location -> [[folded words of a name]]
  var FILLER = /^(ngay|thang|nam)$/
  var NUMBER = /^\d{1,4}$/

  /* The words that rank: date fillers dropped, `gap` = how far (in words)
     a word may follow the previous one and still count as "next to it". */
  function rankWords(words) {
    var out = []
    words.forEach(function (word, i) {
      var next = words[i + 1]
      if (FILLER.test(word.f) && next && NUMBER.test(next.f) &&
          (word.f === "ngay" || (out.length && NUMBER.test(out[out.length - 1].f)))) {
        next.gap = 2
        return
      }
      out.push(word)
    })
    return out
  }

  function wordScore(word, term) {
    if (term === word.c) return 3
    if (term === word.f) return 2
    return word.prefix && term.lastIndexOf(word.c, 0) === 0 ? 1 : 0
  }

  function rankKey(words, ref, metadata) {
    var best = words.map(function () { return 0 })
    var inTitle = words.map(function () { return false })
    var places = words.map(function () { return {} })  // field -> Set of positions
    Object.keys(metadata).forEach(function (term) {
      words.forEach(function (word, i) {
        var q = wordScore(word, term)
        if (!q) return
        best[i] = Math.max(best[i], q)
        Object.keys(metadata[term]).forEach(function (field) {
          var data = metadata[term][field]
          inTitle[i] = inTitle[i] || field === "title"
          var set = places[i][field] || (places[i][field] = new Set())
          if (data && data.position)
            data.position.forEach(function (p) { set.add(p) })
        })
      })
    })
    /* does word i+1 follow word i at position p? the position it is at */
    function follows(i, field, p) {
      var set = places[i + 1][field], gap = words[i + 1].gap || 1
      if (!set) return -1
      for (var d = 1; d <= gap; d++)
        if (set.has(p + d)) return p + d
      return -1
    }
    var matched = 0, quality = 0, phrase = 0, titles = 0, together = 0
    best.forEach(function (q, i) {
      matched += q ? 1 : 0
      quality += q
      titles += inTitle[i] ? 1 : 0
    })
    for (var i = 0; i + 1 < words.length; i++)
      phrase += Object.keys(places[i]).some(function (field) {
        return [...places[i][field]].some(function (p) { return follows(i, field, p) >= 0 })
      }) ? 1 : 0
    if (words.length > 1)
      Object.keys(places[0]).forEach(function (field) {
        places[0][field].forEach(function (p) {
          for (var i = 0; p >= 0 && i + 1 < words.length; i++)
            p = follows(i, field, p)
          together += p >= 0 ? 1 : 0
        })
      })
    var boost = boosts.has(ref) ? boosts.get(ref) : 1
    var named = 0
    ;(names.get(ref) || []).forEach(function (name) {
      for (var s = 0; s + name.length <= words.length; s++) {
        var all = name.every(function (w, k) { return words[s + k].f === w })
        if (all) named = Math.max(named, name.length)
      }
    })
    var whole = titles === words.length && titleLength.get(ref) === words.length
      ? (ref.indexOf("#") < 0 ? 2 : 1) : 0     // a page's title, then a heading
    return [boost < 1 ? 0 : 1, matched, named, quality, phrase, titles, whole, together]
  }

  function compare(a, b) {
    for (var i = 0; i < a.length; i++)
      if (a[i] !== b[i]) return b[i] - a[i]
    return 0
  }

  /* Re-sort the groups (one per page) and their items by rankKey */
  function rerank(groups, keys) {
    if (!keys) return groups
    var all = []
    groups.forEach(function (group) {
      group.forEach(function (item) {
        var key = keys.get(item.location) ||
          [(boosts.has(item.location) ? boosts.get(item.location) : 1) < 1 ? 0 : 1, 0, 0, 0, 0, 0, 0, 0]
        all.push({ item: item, key: key.concat([item.score, -all.length]) })
      })
    })
    all.sort(function (a, b) { return compare(a.key, b.key) })
    all.forEach(function (entry, i) { entry.item.score = all.length - i })
    groups.forEach(function (group) {
      group.sort(function (a, b) { return b.score - a.score })
    })
    return groups.slice().sort(function (a, b) { return b[0].score - a[0].score })
  }

  /* Hook into the worker's message flow (Material uses bare globals) ----- */
  var pending = []
  var answering = null                        // the query being answered
  var handlers = []                           // Material's message listeners
  var addEventListener = self.addEventListener
  self.addEventListener = function (type, fn, options) {
    if (type !== "message")
      return addEventListener.call(self, type, fn, options)
    handlers.push(function (ev) {
      var msg = ev.data
      if (msg && msg.type === SETUP) {
        separator = new RegExp(msg.data.config.separator)
        boosts.clear()
        titleLength.clear()
        names.clear()
        msg.data.docs.forEach(function (doc) {
          if (typeof doc.boost === "number") boosts.set(doc.location, doc.boost)
          if (Array.isArray(doc.names))               /* the title names the page too */
            names.set(doc.location, [doc.title].concat(doc.names).map(function (name) {
              return rewrite(name).words.map(function (w) { return w.f })
            }).filter(function (name) { return name.length }))
          titleLength.set(doc.location, String(doc.title || "").split(separator).filter(Boolean).length)
        })
      }
      if (msg && msg.type === QUERY && typeof msg.data === "string") {
        var r = rewrite(msg.data)
        answering = { map: r.map, words: rankWords(r.words), keys: null }
        pending.push(answering)
        msg = { type: QUERY, data: r.query }
      }
      try {
        return fn.call(self, { data: msg })
      } finally {
        answering = null                      // Material searches synchronously
      }
    })
  }
  addEventListener.call(self, "message", function (ev) {
    load()
    if (ev.data && ev.data.type === LOAD) return
    handlers.forEach(function (fn) { fn(ev) })
  })
  var postMessage = self.postMessage
  self.postMessage = function (msg) {
    if (msg && msg.type === RESULT && msg.data && msg.data.items) {
      var done = pending.shift() || {}
      msg.data.items = rerank(msg.data.items, done.keys)
      mergeTerms(msg.data.items, done.map)
    }
    return postMessage.apply(self, arguments)
  }

  /* Each script once: load() fetches lunr's language scripts ahead of
     Material's setup, which then asks for them again. */
  var imported = new Set()
  var importScripts = self.importScripts
  self.importScripts = function () {
    var urls = [].slice.call(arguments).map(function (url) {
      return new URL(url, self.location.href).href
    }).filter(function (url) {
      return imported.has(url) ? false : (imported.add(url), true)
    })
    if (urls.length)
      importScripts.apply(self, urls)
  }

  /* Load vi-fold.js, Material's worker and lunr's language support, then
     patch lunr's builder ------------------------------------------------
     The built site serves this file with those scripts appended to it
     (macros/searchworker.py), which then lists them in self.__viBundled: one
     request instead of five round trips one after another. Nothing is
     fetched then, and Material's own importScripts() of lunr's language
     scripts on setup is skipped (see importScripts above). */
  var loaded = false
  function load() {
    if (loaded) return
    loaded = true
    if (self.__viBundled) {
      self.__viBundled.forEach(function (url) {
        imported.add(new URL(url, self.location.href).href)
      })
    } else {
      importAll()
    }
    canon = self.viFold.canon
    fold = self.viFold.fold
    patchLunr(self.lunr)
  }

  function importAll() {
    var base = new URL("../lunr/min/", self.location.href).href
    var langs = (params.get("l") || "").split(",").filter(function (l) { return l && l !== "en" })
    /* one call: the browser may fetch them together; they run in order
       (lunr's language scripts need the lunr that Material's worker sets) */
    self.importScripts.apply(self, [
      new URL("../vi-fold.js?v=" + params.get("v"), self.location.href).href, params.get("w")
    ].concat(langs.length ? [base + "lunr.stemmer.support.min.js"].concat(
      langs.map(function (l) { return base + "lunr." + l + ".min.js" })) : []))
  }

  function patchLunr(lunr) {
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
      var asked = answering
      if (asked && !asked.keys) {               // the search itself, not a suggestion
        asked.keys = new Map()
        results.forEach(function (result) {
          asked.keys.set(result.ref, rankKey(asked.words, result.ref, result.matchData.metadata))
        })
      }
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
  }

})()
