export { DEFAULT_CATALOG_PATH, loadCatalog, loadCatalogText } from "./load-catalog.ts";
