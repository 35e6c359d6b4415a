"""Public pages and what they are built from, kept in the shared cache until the content changes.

- `generation`: one value in the cache that every kept page, fragment and value is keyed by;
  `invalidate()` replaces it, so all of them are dropped at once, in every worker and instance.
- `decorators.cache_public`: a view says its answers may be kept, and for how long.
- `middleware.PageCacheMiddleware`: serves and keeps those answers.
- `backends`: the cache backends, guarded so that a failing cache is never a failing site.

It knows no app: the apps connect their models' signals to `invalidate`, and the cookies a page
varies on are named in the PAGE_CACHE_VARIANTS setting.
"""
