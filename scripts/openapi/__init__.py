"""The OpenAPI description of /api/v1, one fragment per part of the app: `shell` and one module per area, each defining
FRAGMENT = finish(paths, schemas) from the helpers in `common`. scripts/gen-openapi.py merges them."""
