// File adapters at the edge (ARCHITECTURE.md): only the CLI and the server's upload handling import this package.
export {};
