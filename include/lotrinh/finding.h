/* finding.h - an audit finding in words, in English or Vietnamese.
 *
 * The audit (audit.h) is an engine: it records what it found as data, a
 * finding's code, severity, numbers (values), years and the shape of its
 * sentence (lt_finding_form), and keeps its English sentence as the text
 * CSV and JSON carry, like a message id.  Words in another language are
 * presentation, so they are here, in the output layer, built from the
 * numbers (formatted as the language writes them: "1.018.694", "2,38")
 * rather than from the English text; numerics never learns Vietnamese.
 * One function per shape writes the Vietnamese sentence; a finding whose
 * shape is LT_FORM_TEXT is read in English in every language.
 */
#ifndef LT_FINDING_H
#define LT_FINDING_H

#include <stddef.h>

#include "lotrinh/audit.h"
#include "lotrinh/report.h"

/* F's sentence in LANG into BUF of SIZE bytes: its text in English; in
 * Vietnamese the sentence of its shape, from its numbers.  Returns BUF. */
char *lt_finding_text(const lt_finding *f, lt_lang lang, char *buf,
                      size_t size);

/* SEV in LANG: "error", "warning", "info"; "lỗi", "cảnh báo", "thông tin".
 * Static. */
const char *lt_severity_word(lt_severity sev, lt_lang lang);

/* What F is about, as a heading people read, in LANG, into BUF: an
 * indicator's or a part's name with its id ("Digital economy
 * (digital_economy)", "Quy mô kinh tế số (digital_economy)"), else the
 * subject ("plan", "budget", "claims"; "đề án", "ngân sách", "khẳng định
 * của văn bản").  Returns BUF. */
char *lt_finding_subject(const lt_finding *f, lt_lang lang, char *buf,
                         size_t size);

#endif /* LT_FINDING_H */
