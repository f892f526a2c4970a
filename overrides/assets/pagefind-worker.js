/* Material's search worker, answered by Pagefind (served site only; see overrides/main.html).

   Material talks to its search worker with four messages: SETUP (0, the index), READY (1),
   QUERY (2, the query text) and RESULT (3, {items, total}). Over http the page starts this worker
   instead of Material's lunr one, with ?bundle=<URL of the language's pagefind/pagefind.js>. SETUP
   carries only a stub index (build_tools/site/search_index.py), so READY is immediate; Pagefind is
   loaded at the first query and fetches only the index chunks and the result fragments it needs.
   Inside a worker Pagefind runs its WebAssembly in this thread (it has no document to spawn from). */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
// Each shown result costs one fragment (~3-5 KB); Material shows ten at once and more on scrolling.
const MAX_RESULTS = 20;
const MAX_SECTIONS = 3;
const bundle = new URL(self.location.href).searchParams.get("bundle");
let pagefind = null;
let latestQuery = 0;

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]);
}

function loadPagefind() {
  if (!pagefind) {
    pagefind = import(bundle).then(async module => {
      await module.options({excerptLength: 40});
      return module;
    });
  }
  return pagefind;
}

// Material renders title and text as HTML: Pagefind's excerpts are escaped (with <mark>), titles are not.
function doc(location, title, excerpt, score) {
  return {location, title: escapeHtml(title), text: excerpt, score, terms: {}};
}

async function resultItem(result) {
  const data = await result.data();
  const page = doc(data.url, data.meta.title || data.url, data.excerpt, result.score);
  const sections = data.sub_results
    .filter(section => section.url.includes("#"))
    .slice(0, MAX_SECTIONS)
    .map(section => doc(section.url, section.title, section.excerpt, result.score));
  return [page, ...sections];
}

async function answer(query, ticket) {
  let items = [];
  if (query.trim()) {
    const found = await (await loadPagefind()).search(query);
    if (ticket !== latestQuery) return;
    items = await Promise.all(found.results.slice(0, MAX_RESULTS).map(resultItem));
  }
  if (ticket === latestQuery) self.postMessage({type: RESULT, data: {items, total: items.length}});
}

self.addEventListener("message", event => {
  const message = event.data;
  if (message.type === SETUP) {
    self.postMessage({type: READY});
  } else if (message.type === QUERY) {
    latestQuery += 1;
    answer(message.data, latestQuery).catch(error => {
      console.error("search: " + error);
      self.postMessage({type: RESULT, data: {items: [], total: 0}});
    });
  }
});
