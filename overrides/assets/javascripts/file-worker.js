/*
 * Search in the downloaded copy opened from disk (file://).
 *
 * Chromium will not start a Web Worker, nor fetch(), from a file:// page, so
 * Material's `new Worker(url)` fails there. In that copy this script (loaded
 * before Material's bundle) replaces Worker with a stand-in that runs the
 * same worker scripts on the page: Material's search worker, lunr's language
 * files and the Vietnamese folding shim (workers/vi-search.js, so "thoat
 * ngheo" finds "thoát nghèo" here too). They come wrapped in functions from
 * workers/file-scripts.js (macros/offline/filemode.py), loaded with <script>;
 * each is called with worker-like self / addEventListener / postMessage /
 * importScripts, and messages keep the worker protocol (asynchronous, {data}).
 * The index is search/search_index.js, loaded by Material itself on file:.
 * Written for this project; no code from another host.
 */
(function () {
  "use strict"
  if (location.protocol !== "file:") return

  var src = document.currentScript.getAttribute("data-scripts")
  var scriptsUrl = new URL(src, location.href).href
  var loading = null

  function loadScripts() {
    if (!loading)
      loading = new Promise(function (resolve, reject) {
        var el = document.createElement("script")
        el.src = scriptsUrl
        el.onload = function () { resolve(window.__viWorkerScripts) }
        el.onerror = function () { reject(new Error("Không tải được " + scriptsUrl)) }
        document.head.appendChild(el)
      })
    return loading
  }

  function later(fn) { setTimeout(fn, 0) }

  function PageWorker(url) {
    var outside = [], inside = [], scripts = null
    var scope = { location: new URL(url, location.href) }
    scope.self = scope
    /* Material's worker reads the bare global `lunr`: keep it on window */
    Object.defineProperty(scope, "lunr", {
      get: function () { return window.lunr },
      set: function (value) { window.lunr = value }
    })
    scope.addEventListener = function (type, fn) {
      if (type === "message") inside.push(fn)
    }
    scope.postMessage = function (data) {
      later(function () {
        outside.forEach(function (fn) { fn({ data: data }) })
      })
    }
    scope.importScripts = function () {
      for (var i = 0; i < arguments.length; i++) {
        var name = new URL(arguments[i], scope.location.href).pathname.split("/").pop()
        var fn = scripts[name]
        if (!fn) throw new Error("importScripts: " + name)
        fn.call(scope, scope, add, post, importScripts)
      }
    }
    /* Looked up on each call: the shim replaces scope.addEventListener */
    function add() { return scope.addEventListener.apply(scope, arguments) }
    function post() { return scope.postMessage.apply(scope, arguments) }
    function importScripts() { return scope.importScripts.apply(scope, arguments) }
    function deliver(data) {
      later(function () {
        inside.forEach(function (fn) { fn({ data: data }) })
      })
    }

    this.addEventListener = function (type, fn) {
      if (type === "message") outside.push(fn)
    }
    this.removeEventListener = function (type, fn) {
      var i = outside.indexOf(fn)
      if (i >= 0) outside.splice(i, 1)
    }
    /* In order: each message waits for the scripts and for the units' entries */
    var ready = loadScripts().then(function (loaded) {
      scripts = loaded
      importScripts(scope.location.href)
    })
    this.postMessage = function (data) {
      ready = ready.then(function () { return withUnits(data) }).then(deliver)
      ready.catch(function (error) { console.error(error) })
    }
    this.terminate = function () { outside = []; inside = [] }
  }

  /*
   * Split packages (macros/offline/package.py, a plan above the ZIP's cap): the
   * shared package's search/search_index.js also sets __viUnitScripts, one script
   * per unit holding that unit's search entries; each is in the unit's own package.
   * Before the index is built (the message carrying its docs), those present
   * (unpacked beside the shared package) join it; a missing one fails to load and
   * its unit is not offered.
   */
  function withUnits(message) {
    var index = message && message.data
    var list = window.__viUnitScripts
    if (!list || !index || !index.docs) return Promise.resolve(message)
    window.__viUnitScripts = null
    var root = new URL("../../../", scriptsUrl)  /* assets/javascripts/workers/ */
    var found = window.__viUnitDocs = window.__viUnitDocs || {}
    return Promise.all(list.map(function (path) {
      return new Promise(function (resolve) {
        var el = document.createElement("script")
        el.src = new URL(path, root).href
        el.onload = el.onerror = function () { el.remove(); resolve() }
        document.head.appendChild(el)
      })
    })).then(function () {
      list.forEach(function (path) {  /* the plan's order */
        if (found[path]) index.docs = index.docs.concat(found[path])
      })
      return message
    })
  }

  window.Worker = PageWorker
})()
