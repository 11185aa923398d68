/*
 * RIS files. The reader is import_read_ris() in import.h, and this
 * header declares what the exporter shares with it.
 */
#ifndef FEHREST_RIS_H
#define FEHREST_RIS_H

/*
 * Returns the RIS reference type ("JOUR", "CONF", ...) that the entry
 * type ("article", "inproceedings", ...) is written as, "GEN" for an
 * entry type RIS has no type for. The string is static.
 */
const char *ris_type_name(const char *type);

#endif
