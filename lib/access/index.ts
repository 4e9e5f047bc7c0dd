export * from "./actor";
export * from "./access-context";
export * from "./decision";
export * from "./habilitation";
export * from "./policy";
export * from "./document-where";
export * from "./load-access-context";
export * from "./record-actions";
