/*
 * Service worker: keeps the site for reading without a network.
 *
 * macros/offline/package.py writes this file to the site root (scope: the
 * whole site) with PRECACHE filled in after the build: every page by the URL
 * the site links to ("ke-hoach/"), every asset, the search index and the PDFs,
 * and a version that is a hash of all their contents. Within a budget
 * (macros/offline/precache.py): above it, PDFs and the files of the units that
 * do not fit are left out (PRECACHE.onRequest: their folders and counts) and
 * saved when a reader opens one, then kept through updates. A new build therefore
 * gives a new sw.js; the browser installs it in the background, copies the
 * unchanged files from the old cache, fetches the changed ones, and the page
 * offers to switch ("Tải phiên bản mới"); the old cache is then dropped.
 * Reading is cache-first, queries (?v=, ?h=) ignored; nothing but the site's
 * own URLs is ever touched.
 *
 * Issue 23: while saving, the worker tells every open page how far it is
 * ({type: "vi-offline-progress", done, total, size}); it saves first the
 * files of the reader's own unit, which the page (overrides/partials/offline.html)
 * writes into the cache FIRST ({urls: [...]}) before registering, or sends later
 * ({type: "vi-offline-save"}); and it keeps the time it finished (STAMP).
 */
"use strict"

var PRECACHE = /*__PRECACHE__*/null
var SCOPE = self.registration.scope
var PREFIX = "vi-offline " + SCOPE + " "
var NAME = PREFIX + PRECACHE.version
var LIST = new URL("__vi-offline.json", SCOPE).href  // in each cache: {url: hash}
var LANES = 4
var FIRST = "vi-offline-first " + SCOPE          // not under PREFIX: never dropped on activate
var STAMP = new URL("__vi-offline-saved.json", SCOPE).href  // {time}: when the list was complete

function abs(url) { return new URL(url, SCOPE).href }

/* The newest complete older cache, to copy unchanged files from */
async function previous() {
  var names = (await caches.keys())
    .filter(function (n) { return n.indexOf(PREFIX) === 0 && n !== NAME })
  for (var i = names.length - 1; i >= 0; i--) {
    var cache = await caches.open(names[i])
    var list = await cache.match(LIST)
    if (list) return { cache: cache, hashes: await list.json() }
  }
  return null
}

/* The reader's own unit's files (absolute URLs of this site), saved first */
async function firstUrls() {
  try {
    // caches.match with cacheName opens no cache: caches.open would make an empty one for every
    // reader who never chose a unit (a second cache beside the site's, seen by the update test)
    var hit = await caches.match(FIRST_KEY, { cacheName: FIRST })
    var urls = hit ? await hit.json() : []
    return urls.filter(function (u) { return typeof u === "string" && u.indexOf(SCOPE) === 0 })
  } catch (error) { return [] }
}
var FIRST_KEY = new URL("__vi-offline-first.json", SCOPE).href

/* Every open page hears how far saving is (at most every 250 ms, and at the end) */
var told = 0
async function progress(state, force) {
  var now = Date.now()
  if (!force && now - told < 250) return
  told = now
  var pages = await self.clients.matchAll({ includeUncontrolled: true, type: "window" })
  pages.forEach(function (page) { page.postMessage(Object.assign({ type: "vi-offline-progress" }, state)) })
}

/* Files of the reader's unit that are saved only when opened (over the budget):
   fetched now, like an opened page; a failure is left to a later visit. */
async function saveUrls(cache, urls) {
  for (var i = 0; i < urls.length; i++) {
    var key = pageKey(new URL(urls[i]))
    if (!onRequest(key) || await cache.match(key)) continue
    try {
      var response = await fetch(urls[i], { cache: "no-cache", credentials: "same-origin" })
      if (keepable(response)) await cache.put(key, response)
    } catch (error) { /* offline: saved when opened */ }
  }
}

async function precache() {
  var cache = await caches.open(NAME)
  var old = await previous()
  var first = await firstUrls()
  var rank = function (entry) { return first.indexOf(abs(entry[0])) < 0 ? 1 : 0 }
  /* the reader's own unit first, then the rest in the list's order */
  var queue = PRECACHE.files.slice().sort(function (a, b) { return rank(a) - rank(b) }), hashes = {}
  var state = { done: 0, total: queue.length, size: PRECACHE.bytes }
  await saveUrls(cache, first)
  async function one(entry) {
    var url = abs(entry[0]), hash = entry[1]
    hashes[entry[0]] = hash
    if (await cache.match(url)) return                  // an interrupted install resumes
    var response = old && old.hashes[entry[0]] === hash && await old.cache.match(url)
    for (var tries = 3; !response; tries--) {
      try {
        response = await fetch(url, { cache: "no-cache", credentials: "same-origin" })
        if (!response.ok) throw new Error(url + ": " + response.status)
      } catch (error) {                              // a weak signal drops requests
        if (tries <= 1) throw error
        response = null
        await new Promise(function (resolve) { setTimeout(resolve, 1000) })
      }
    }
    await cache.put(url, response)
  }
  async function counted(entry) {
    await one(entry)
    state.done++
    await progress(state)
  }
  async function lane() { while (queue.length) await counted(queue.shift()) }
  var lanes = []
  for (var i = 0; i < LANES; i++) lanes.push(lane())
  await Promise.all(lanes)
  if (old) await carry(cache, old.cache, hashes)
  await cache.put(LIST, new Response(JSON.stringify(hashes), { headers: { "Content-Type": "application/json" } }))
  await cache.put(STAMP, new Response(JSON.stringify({ time: Date.now() }), { headers: { "Content-Type": "application/json" } }))
  state.done = state.total
  await progress(state, true)
}

/* Files a reader opened (on request) are kept through an update: fetched again,
   since they may have changed; one that fails is left to be opened again. */
async function carry(cache, oldCache, hashes) {
  var requests = await oldCache.keys()
  for (var i = 0; i < requests.length; i++) {
    var url = requests[i].url
    if (url === LIST || url === STAMP || hashes[url.slice(SCOPE.length)] || !onRequest(url) || await cache.match(url)) continue
    try {
      var response = await fetch(url, { cache: "no-cache", credentials: "same-origin" })
      if (keepable(response)) await cache.put(url, response)
    } catch (error) { /* offline again: not saved */ }
  }
}

self.addEventListener("install", function (event) {
  event.waitUntil(precache())
})

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) {
      return n.indexOf(PREFIX) === 0 && n !== NAME
    }).map(function (n) { return caches.delete(n) }))
  }).then(function () { return self.clients.claim() }))
})

self.addEventListener("message", function (event) {
  var type = event.data && event.data.type
  if (type === "vi-offline-update") self.skipWaiting()
  /* What offline.html tells the reader: is every unit saved, are PDFs saved? */
  if (type === "vi-offline-info" && event.ports[0]) {
    var port = event.ports[0]
    event.waitUntil(caches.open(NAME).then(function (cache) { return cache.match(STAMP) })
      .then(function (hit) { return hit ? hit.json() : {} })
      .then(function (stamp) {
        port.postMessage(Object.assign({}, PRECACHE.onRequest, { saved: stamp.time || null, size: PRECACHE.bytes }))
      }, function () { port.postMessage(PRECACHE.onRequest) }))
  }
  /* The reader chose a unit: its files, if saved only when opened, are saved now */
  if (type === "vi-offline-save" && Array.isArray(event.data.urls))
    event.waitUntil(caches.open(NAME).then(function (cache) {
      return saveUrls(cache, event.data.urls.filter(function (u) { return String(u).indexOf(SCOPE) === 0 }))
    }))
})

/* "/ke-hoach" and "/ke-hoach/index.html" are read as "/ke-hoach/" */
function pageKey(url) {
  var path = url.pathname
  if (/\/index\.html$/.test(path)) path = path.slice(0, -"index.html".length)
  else if (!/\/$/.test(path) && !/\.[^/]*$/.test(path)) path += "/"
  return url.origin + path
}

/* Saved when opened: a URL under a folder of PRECACHE.onRequest (never another host) */
function onRequest(key) {
  return PRECACHE.onRequest.under.some(function (p) { return key.indexOf(abs(p)) === 0 })
}

/* Only a complete answer of the site itself: not an error, not a redirect */
function keepable(response) {
  return response.ok && response.status === 200 && response.type === "basic" && !response.redirected
}

async function respond(request, url) {
  var cache = await caches.open(NAME)
  var page = request.mode === "navigate"
  var key = page ? pageKey(url) : url.origin + url.pathname
  var hit = await cache.match(key, { ignoreSearch: true, ignoreVary: true })
  /* A worker's self.location is its response's URL: keep the query (vi-search.js?w=…) */
  if (hit && url.search && !page)
    return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers })
  if (hit) return hit
  try {
    var response = await fetch(request)
    /* Left out of the precache (over the budget): kept once read. A page by its pageKey. */
    if (keepable(response) && onRequest(key)) await cache.put(key, response.clone())
    return response
  } catch (error) {
    var fallback = page && await cache.match(abs("404.html"))
    if (fallback) return fallback
    throw error
  }
}

self.addEventListener("fetch", function (event) {
  var request = event.request
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return
  event.respondWith(respond(request, new URL(request.url)))
})
