/**
 * The report format's version, apart from the TypeBox schema so that producing a report does not
 * load TypeBox (~150 ms at start-up); only the schema writer and the tests need the schema itself.
 */
export const SCHEMA_VERSION = '2.4.0';
