#!/usr/bin/env python3
"""Writes EXPECTED.tsv for the real-format corpus in this folder.

Independent of gutsignal: parses each file with Python's csv/gzip/json (and h5py for
HDF5 BIOM when importable; Debian's python3-h5py lives in /usr/lib/python3/dist-packages,
so run this with /usr/bin/python3 if your default python lacks h5py).

For each file the SPEC below says (by hand, after reading the file) the tool, version,
kind, layout notes, unit and three (feature, sample) cells; the script reads the VALUE of
each cell from the file as text, exactly as written, and fails if a cell is missing or
ambiguous.  It also computes column_sums:
  humann_*  : sum over unstratified rows (no '|'), special rows (UNMAPPED, ...) included;
  metaphlan : sum over rows whose last clade is s__ (species);
  all       : sum over every data row (tables without s__ prefixes, BIOM, transposed);
  NA        : not computed (said in layout_notes).
Sums are written sample=sum;... with 6 significant digits (format '%.6g').
Usage: python3 make_expected.py  (run from anywhere; writes EXPECTED.tsv beside itself)
"""
import csv, gzip, bz2, json, os, sys, io

HERE = os.path.dirname(os.path.abspath(__file__))

def opentext(path):
    if path.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path), encoding="utf-8", newline="")
    if path.endswith(".bz2"):
        return io.TextIOWrapper(bz2.open(path), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")

# ---------------------------------------------------------------- parsers
# Each parser returns (samples, rows) with rows = list of (feature_label, [cell_text per sample]).

def parse_table(path, header_line=None, skip_rows=0, quoted=False, whitespace_fallback=False):
    """Features as rows.  header_line: 0-based index of the header line (default: the last
    line before the first data line, where comment lines start with '#')."""
    with opentext(path) as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    if header_line is None:
        header_line = 0
    reader = csv.reader(lines, delimiter="\t", quotechar='"' if quoted else None,
                        quoting=csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE)
    recs = list(reader)
    header = recs[header_line]
    samples = header[1:]
    rows = []
    for r in recs[header_line + 1 + skip_rows:]:
        if len(r) == 1 and whitespace_fallback:
            r = r[0].split()
        rows.append((r[0], r[1:]))
    return samples, rows

def parse_mpa_single(path):
    """MetaPhlAn single-sample profile: '#' lines, then clade rows.  The abundance column
    is 'relative_abundance' in the '#clade_name' header when there is one, else column 2."""
    with opentext(path) as f:
        lines = f.read().split("\n")
    sample = None; col = 1; rows = []
    for ln in lines:
        if ln == "":
            continue
        if ln.startswith("#"):
            parts = ln[1:].split("\t") if "\t" in ln else ln[1:].split()
            if parts[0] == "SampleID" and len(parts) > 1:
                sample = parts[1]
            if parts[0] == "clade_name":
                col = parts.index("relative_abundance")
            continue
        parts = ln.split("\t") if "\t" in ln else ln.split()
        rows.append((parts[0], [parts[col]]))
    if sample is None:
        sample = os.path.basename(path)
    return [sample], rows

def parse_transposed(path, quoted=False, r_header=False):
    """Samples as rows, features as columns.  r_header: header has no cell over the row names."""
    samples, rows = parse_table(path, quoted=quoted)
    with opentext(path) as f:
        recs = list(csv.reader(f, delimiter="\t", quotechar='"' if quoted else None,
                               quoting=csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE))
    feats = recs[0] if r_header else recs[0][1:]
    sample_ids = [r[0] for r in recs[1:] if r]
    out = []
    for j, feat in enumerate(feats):
        out.append((feat, [r[1 + j] for r in recs[1:] if r]))
    return sample_ids, out

def parse_biom_json(path):
    with opentext(path) as f:
        d = json.load(f)
    samples = [c["id"] for c in d["columns"]]
    feats = [r["id"] for r in d["rows"]]
    nr, nc = d["shape"]
    cells = [["0"] * nc for _ in range(nr)]
    if d.get("matrix_type", "sparse") == "sparse":
        for i, j, v in d["data"]:
            cells[i][j] = repr(v) if isinstance(v, float) else str(v)
    else:
        for i, row in enumerate(d["data"]):
            cells[i] = [repr(v) if isinstance(v, float) else str(v) for v in row]
    return samples, list(zip(feats, cells))

def parse_biom_hdf5(path):
    try:
        import h5py
    except ImportError:
        return None
    with h5py.File(path, "r") as h:
        feats = [x.decode() if isinstance(x, bytes) else str(x) for x in h["observation/ids"][:]]
        samples = [x.decode() if isinstance(x, bytes) else str(x) for x in h["sample/ids"][:]]
        data = h["observation/matrix/data"][:]; idx = h["observation/matrix/indices"][:]
        ptr = h["observation/matrix/indptr"][:]
        cells = [["0"] * len(samples) for _ in feats]
        for i in range(len(feats)):
            for k in range(ptr[i], ptr[i + 1]):
                cells[i][idx[k]] = repr(float(data[k]))
    return samples, list(zip(feats, cells))

# ---------------------------------------------------------------- sums
def column_sums(samples, rows, rule):
    if rule == "NA":
        return "NA"
    sums = [0.0] * len(samples)
    for feat, cells in rows:
        if rule == "unstrat" and "|" in feat:
            continue
        if rule == "metaphlan" and not feat.split("|")[-1].startswith("s__"):
            continue
        for j, c in enumerate(cells[:len(samples)]):
            try:
                sums[j] += float(c)
            except ValueError:
                raise SystemExit(f"non-numeric cell {c!r} in row {feat!r}")
    return ";".join(f"{s}={v:.6g}" for s, v in zip(samples, sums))

def lookup(samples, rows, feature, sample):
    hits = [cells for feat, cells in rows if feat == feature]
    if len(hits) != 1:
        raise SystemExit(f"feature {feature!r}: {len(hits)} rows")
    js = [j for j, s in enumerate(samples) if s == sample]
    if not js:
        raise SystemExit(f"sample {sample!r} not in {samples}")
    return hits[0][js[0]]   # first column of that name (names can repeat!)

# ---------------------------------------------------------------- the spec
S = "k__Bacteria|p__Bacteroidetes|c__Bacteroidia|o__Bacteroidales|f__Bacteroidaceae|g__Bacteroides"
SPEC = []
def spec(file, tool, version, kind, notes, unit, cells, parse, rule):
    SPEC.append(dict(file=file, tool=tool, version=version, kind=kind, notes=notes, unit=unit,
                     cells=cells, parse=parse, rule=rule))

T = lambda **kw: (lambda p: parse_table(p, **kw))
MPA = parse_mpa_single

# ---- HUMAnN, repository HEAD (HUMAnN 4 development line; many files unchanged since 2.x/3.x)
spec("humann/head/demo_genefamilies.slice.tsv", "humann", "3", "humann_genefamilies",
     "first cell '# Gene Family'; column suffix -RPKs; UNMAPPED row; stratified rows g__X.s__Y; slice", "RPKs",
     [("UNMAPPED", "demo_Abundance-RPKs"), ("UniRef90_R5IH84", "demo_Abundance-RPKs"),
      ("UniRef90_R5IH84|g__Bacteroides.s__Bacteroides_stercoris", "demo_Abundance-RPKs")], T(), "unstrat")
spec("humann/head/demo_genefamilies_with_names.slice.tsv", "humann", "3", "humann_genefamilies",
     "first cell '# Gene Family'; renamed rows 'UniRef50_X: name'; some rows have no name; no UNMAPPED in slice; stratified", "RPKs",
     [("UniRef50_R5FJB9: Conjugative transposon TraN protein", "demo_Abundance-RPKs"),
      ("UniRef50_R5FJB9: Conjugative transposon TraN protein|g__Bacteroides.s__Bacteroides_thetaiotaomicron", "demo_Abundance-RPKs"),
      ("UniRef50_A6L108", "demo_Abundance-RPKs")], T(), "unstrat")
spec("humann/head/gene_families.tsv", "humann", "4", "humann_genefamilies",
     "first cell '# Gene Family HUMAnN v Adjusted CPMs' (unit inside the header); column name without suffix; READS_UNMAPPED row (not UNMAPPED); UniRef50_unknown row; strata bug1/unclassified (no g__)", "Adjusted CPMs",
     [("READS_UNMAPPED", "HUMAnN_test"), ("gene1", "HUMAnN_test"), ("gene1|unclassified", "HUMAnN_test")], T(), "unstrat")
spec("humann/head/demo_pathabundance_with_names.tsv", "humann", "4", "humann_pathabundance",
     "first cell '# Pathway HUMAnN v'; only UNMAPPED and UNINTEGRATED rows, both 0.0000000; NO final newline", "abundance (HUMAnN 4)",
     [("UNMAPPED", "HUMAnN_test_Abundance"), ("UNINTEGRATED", "HUMAnN_test_Abundance"), ("UNMAPPED", "HUMAnN_test_Abundance")], T(), "unstrat")
spec("humann/head/demo_pathcoverage_with_names.tsv", "humann", "3", "humann_pathcoverage",
     "first cell '# Pathway'; UNMAPPED/UNINTEGRATED = 1.0000000; stratum 'unclassified'", "coverage (0-1)",
     [("UNMAPPED", "HUMAnN_test_Coverage"), ("PWY0-1586: peptidoglycan maturation (meso-diaminopimelate containing)", "HUMAnN_test_Coverage"),
      ("PWY0-1586: peptidoglycan maturation (meso-diaminopimelate containing)|unclassified", "HUMAnN_test_Coverage")], T(), "unstrat")
spec("humann/head/demo_metaphlan_bugs_list.tsv", "metaphlan", "4.0.6", "metaphlan_profile_single",
     "5 comment lines (#mpa_vOct22_CHOCOPhlAnSGB_202212, command, reads processed, #SampleID, #estimated_reads_mapped_to_known_clades) then '#clade_name' header with clade_taxid, relative_abundance, coverage, estimated_number_of_reads_from_the_clade; t__SGB rows; species named by SGB (s__Corynebacterium_SGB2091); no UNCLASSIFIED row", "relative_abundance percent",
     [("k__Bacteria", "Metaphlan_Analysis"), ("k__Bacteria|p__Bacteroidetes", "Metaphlan_Analysis"),
      ("k__Bacteria|p__Actinobacteria|c__Actinomycetia|o__Corynebacteriales|f__Corynebacteriaceae|g__Corynebacterium|s__Corynebacterium_SGB2091", "Metaphlan_Analysis")], MPA, "metaphlan")
spec("humann/head/multi_sample_genefamilies.tsv", "humann", "3", "humann_merged_genefamilies",
     "first cell '# Gene Family'; joined 2 samples, bare names sample1/sample2; no UNMAPPED; stratified rows", "RPKs",
     [("UniRef50_A3DKL1", "sample1"), ("UniRef50_A7LXU3|g__Bacteroides.s__Bacteroides_uniformis", "sample2"), ("UniRef50_A7LXU3", "sample1")], T(), "unstrat")
spec("humann/head/genefamilies_biom_match.tsv", "humann", "2", "humann_genefamilies",
     "first cell '# Gene Family'; sample column 'Abundance (reads per kilobase)' (spaces, parentheses); strata 's__X' without g__", "RPK",
     [("UniRef50_A0A015Q7T6", "Abundance (reads per kilobase)"), ("UniRef50_A0A015Q7T6|s__Bacteroides_xylanisolvens", "Abundance (reads per kilobase)"),
      ("UniRef50_A7ALT1", "Abundance (reads per kilobase)")], T(), "unstrat")
spec("humann/head/demo_pathabundance.tsv", "humann", "2", "humann_pathabundance",
     "first cell '# Pathway'; UNMAPPED, UNINTEGRATED with strata; community totals need not equal sum of strata", "abundance (RPK-based)",
     [("UNMAPPED", "demo_Abundance"), ("UNINTEGRATED|g__Bacteroides.s__Bacteroides_thetaiotaomicron", "demo_Abundance"),
      ("PWY-7208: superpathway of pyrimidine nucleobases salvage", "demo_Abundance")], T(), "unstrat")
spec("humann/head/merge_output.tsv", "humann", "2", "other",
     "humann_merge_abundance_tables output: first cell '# Pathway'; rows pathway|species|UniRef50_X: name (THREE levels, gene-level strata under pathways); pathway ids sometimes without names in strata", "abundance (RPK-based)",
     [("1CMET2-PWY: N10-formyl-tetrahydrofolate biosynthesis", "demo_Abundance"), ("ASPASN-PWY|g__Bacteroides.s__Bacteroides_thetaiotaomicron", "demo_Abundance"),
      ("ASPASN-PWY|g__Bacteroides.s__Bacteroides_thetaiotaomicron|UniRef50_Q9HTD7: Aspartate ammonia-lyase", "demo_Abundance")], T(), "unstrat")
for f, kind, unit, vals in [
        ("renorm_table-input.txt", "other", "counts (toy input)", [("A", "1"), ("A|1", "2"), ("D", "2")]),
        ("renorm_table-cpm_output.txt", "humann_renorm_cpm", "CPM", [("A", "1"), ("A|1", "2"), ("D", "2")]),
        ("renorm_table-relab_output.txt", "humann_renorm_relab", "relative abundance (0-1)", [("A", "1"), ("A|1", "2"), ("D", "2")])]:
    spec("humann/head/" + f, "humann", "3", kind,
         "toy tooltest table: first cell '#' alone; samples named 1 and 2 (numbers as names); features A, D; strata A|1 (numeric stratum names)", unit,
         vals, T(), "unstrat")
for f, kind, feats in [
        ("regroup_table-builtin_uniref50_ko_output.txt", "humann_ko", ["K01838", "K01838|bug1", "K01838|bug2"]),
        ("regroup_table-builtin_uniref50_ec_output.txt", "humann_ec", ["2.7.1.41", "5.4.2.6|bug1", "5.4.2.6"]),
        ("rename_table-builtin_ko_output.txt", "humann_ko", ["K01838: beta-phosphoglucomutase [EC:5.4.2.6]", "K01838: beta-phosphoglucomutase [EC:5.4.2.6]|bug1", "K01838: beta-phosphoglucomutase [EC:5.4.2.6]|bug2"]),
        ("rename_table-builtin_ec_output.txt", "humann_ec", ["2.7.1.41: Glucose-1-phosphate phosphodismutase", "5.4.2.6: Beta-phosphoglucomutase|bug2", "5.4.2.6: Beta-phosphoglucomutase"])]:
    spec("humann/head/" + f, "humann", "3", kind,
         "toy tooltest table: first cell '#HEADERS'; Sample1/Sample2; strata bug1/bug2 (no g__/s__); no UNMAPPED/UNGROUPED", "RPK (toy)",
         [(feats[0], "Sample1"), (feats[1], "Sample2"), (feats[2], "Sample1")], T(), "unstrat")
spec("humann/head/rename_table-builtin_output.txt", "humann", "3", "humann_genefamilies",
     "toy tooltest table: first cell '#HEADERS'; renamed labels END WITH A SPACE before '|' and before the tab ('UniRef50_B3WCX9: Beta-phospho-glucomutase '); 'UniRef50_HUMANN: NO_NAME' row", "RPK (toy)",
     [("UniRef50_B3WCX9: Beta-phospho-glucomutase ", "Sample1"), ("UniRef50_B3WCX9: Beta-phospho-glucomutase |bug1", "Sample2"), ("UniRef50_HUMANN: NO_NAME", "Sample1")], T(), "unstrat")
spec("humann/head/rename_table-builtin_pathways_output.txt", "humann", "3", "humann_pathabundance",
     "first cell '# Pathway'; special rows renamed 'UNMAPPED: NO_NAME', 'UNINTEGRATED: NO_NAME' (with strata)", "abundance (RPK-based)",
     [("UNMAPPED: NO_NAME", "HUMAnN_test_Abundance"), ("UNINTEGRATED: NO_NAME|g__Bacteroides.s__Bacteroides_thetaiotaomicron", "HUMAnN_test_Abundance"),
      ("PWY-7208: superpathway of pyrimidine nucleobases salvage", "HUMAnN_test_Abundance")], T(), "unstrat")
spec("humann/head/genefamilies.biom", "humann", "2", "biom_hdf5",
     "BIOM 2.1 HDF5 written by HUMAnN tests; stratified ids kept as observation ids", "RPK",
     None, parse_biom_hdf5, "unstrat")
spec("humann/head/multi_sample_genefamilies.biom", "humann", "2", "biom_hdf5",
     "BIOM 2.1 HDF5, 2 samples; stratified ids kept as observation ids", "RPK",
     None, parse_biom_hdf5, "unstrat")
# ---- HUMAnN 3.6 tag
spec("humann/v3.6/demo_metaphlan_bugs_list.tsv", "metaphlan", "3", "metaphlan_profile_single",
     "#v30_CHOCOPhlAn_201901 line; the '#SampleID' and '#clade_name' header lines and the 'UNKNOWN -1 51.49048' row are separated by SPACES, not tabs (other rows use tabs); NCBI_tax_id column all '1'; UNKNOWN row; t__ rows", "relative_abundance percent",
     [("UNKNOWN", "Metaphlan2_Analysis"), ("k__Bacteria", "Metaphlan2_Analysis"), (S + "|s__Bacteroides_stercoris", "Metaphlan2_Analysis")], MPA, "metaphlan")
spec("humann/v3.6/demo_pathabundance_with_names.tsv", "humann", "3.6", "humann_pathabundance",
     "first cell '# Pathway'; UNMAPPED, UNINTEGRATED, stratum 'unclassified'", "abundance (RPK-based)",
     [("UNMAPPED", "HUMAnN_test_Abundance"), ("UNINTEGRATED|unclassified", "HUMAnN_test_Abundance"), ("RHAMCAT-PWY: L-rhamnose degradation I", "HUMAnN_test_Abundance")], T(), "unstrat")
spec("humann/v3.6/demo_pathcoverage_with_names.tsv", "humann", "3.6", "humann_pathcoverage",
     "first cell '# Pathway'; UNMAPPED/UNINTEGRATED = 1.0000000", "coverage (0-1)",
     [("UNMAPPED", "HUMAnN_test_Coverage"), ("RHAMCAT-PWY: L-rhamnose degradation I", "HUMAnN_test_Coverage"),
      ("PWY0-1586: peptidoglycan maturation (meso-diaminopimelate containing)|unclassified", "HUMAnN_test_Coverage")], T(), "unstrat")
spec("humann/v3.6/gene_families.tsv", "humann", "3.6", "humann_genefamilies",
     "first cell '# Gene Family'; suffix -RPKs; UNMAPPED; strata bug1/unclassified", "RPKs",
     [("UNMAPPED", "HUMAnN_test_Abundance-RPKs"), ("gene1", "HUMAnN_test_Abundance-RPKs"), ("gene1|bug1", "HUMAnN_test_Abundance-RPKs")], T(), "unstrat")
# ---- HUMAnN2 2.8.2 tag
spec("humann/v2.8.2/demo_metaphlan_bugs_list.tsv", "metaphlan", "2", "metaphlan_profile_single",
     "MetaPhlAn 2: single '#SampleID<TAB>Metaphlan2_Analysis' line, 2 columns, no taxid column; t__..._unclassified rows", "relative_abundance percent",
     [("k__Bacteria", "Metaphlan2_Analysis"), (S + "|s__Bacteroides_stercoris", "Metaphlan2_Analysis"),
      (S + "|s__Bacteroides_stercoris|t__Bacteroides_stercoris_unclassified", "Metaphlan2_Analysis")], MPA, "metaphlan")
spec("humann/v2.8.2/demo_pathabundance_with_names.tsv", "humann", "2", "humann_pathabundance",
     "first cell '# Pathway'; HUMAnN2_ sample prefix; UNINTEGRATED strata SUM TO MORE than the UNINTEGRATED total", "abundance (RPK-based)",
     [("UNMAPPED", "HUMAnN2_test_Abundance"), ("UNINTEGRATED|g__Bacteroides.s__Bacteroides_stercoris", "HUMAnN2_test_Abundance"),
      ("PWY-7221: guanosine ribonucleotides de novo biosynthesis", "HUMAnN2_test_Abundance")], T(), "unstrat")
spec("humann/v2.8.2/demo_pathcoverage_with_names.tsv", "humann", "2", "humann_pathcoverage",
     "first cell '# Pathway'; coverage values 0-1; UNMAPPED/UNINTEGRATED and their strata = 1.0000000", "coverage (0-1)",
     [("UNMAPPED", "HUMAnN2_test_Coverage"), ("PWY-7221: guanosine ribonucleotides de novo biosynthesis", "HUMAnN2_test_Coverage"),
      ("PWY-7221: guanosine ribonucleotides de novo biosynthesis|g__Bacteroides.s__Bacteroides_thetaiotaomicron", "HUMAnN2_test_Coverage")], T(), "unstrat")
spec("humann/v2.8.2/gene_families.tsv", "humann", "2", "humann_genefamilies",
     "first cell '# Gene Family'; HUMAnN2_ prefix, -RPKs suffix; UNMAPPED", "RPKs",
     [("UNMAPPED", "HUMAnN2_test_Abundance-RPKs"), ("gene2", "HUMAnN2_test_Abundance-RPKs"), ("gene2|unclassified", "HUMAnN2_test_Abundance-RPKs")], T(), "unstrat")
spec("humann/v2.8.2/gene_families_uniref50_with_names.tsv", "humann", "2", "humann_genefamilies",
     "first cell '# Gene Family'; renamed 'UniRef50_X: name'; UNMAPPED = 1.0000000", "RPKs",
     [("UNMAPPED", "HUMAnN2_test_Abundance-RPKs"), ("UniRef50_Q197D8: Transmembrane protein 022L", "HUMAnN2_test_Abundance-RPKs"),
      ("UniRef50_Q197D8: Transmembrane protein 022L|bug1", "HUMAnN2_test_Abundance-RPKs")], T(), "unstrat")
# ---- MetaPhlAn 2 repository examples
spec("metaphlan2/HMP.species.slice.txt", "metaphlan", "2", "metaphlan_merged",
     "EMPTY first header cell; 4 METADATA rows (VISNO, STSite, GENDER_C, STArea) between header and abundances; species labels WITHOUT lineage or s__ prefix ('Atopobium_vaginae'); slice", "relative_abundance percent",
     [("Peptoniphilus_unclassified", "SRS043001"), ("Atopobium_vaginae", "SRS015989"), ("Peptoniphilus_unclassified", "SRS021477")],
     T(skip_rows=4), "all")
spec("metaphlan2/merge-very-good.slice.txt", "metaphlan", "2", "metaphlan_merged",
     "first cell 'dataset'; ALL sample columns are named 'MetaHIT' (duplicate ids: the header holds the cohort, not sample ids); clade labels WITHOUT k__/p__ prefixes ('Archaea|Euryarchaeota'); slice", "relative_abundance percent",
     [("Archaea", "MetaHIT"), ("Archaea|Euryarchaeota|Methanobacteria|Methanobacteriales|Methanobacteriaceae|Methanobrevibacter|Methanobrevibacter_smithii", "MetaHIT"),
      ("Archaea|Euryarchaeota", "MetaHIT")], T(), "NA")
# ---- bioBakery workflows
spec("biobakery_workflows/metaphlan_taxonomic_profiles.slice.tsv", "biobakery_workflows", "3", "metaphlan_merged",
     "first cell 'Sample'; HMP2 (IBDMDB) sample ids, some with _P suffix; mixed genus and species rows (filtered table); slice", "relative_abundance percent",
     [(S, "CSM5FZ3N_P"), (S + "|s__Bacteroides_caccae", "CSM5FZ3N_P"),
      ("k__Bacteria|p__Actinobacteria|c__Actinobacteria|o__Bifidobacteriales|f__Bifidobacteriaceae|g__Bifidobacterium|s__Bifidobacterium_adolescentis", "CSM5LLGB_P")], T(), "metaphlan")
spec("biobakery_workflows/pathabundance_relab.slice.tsv", "biobakery_workflows", "3", "humann_merged_pathabundance",
     "first cell 'Sample'; relab-normalised pathway table from HMP2 yet values ~100s (file name says relab); stratified rows; no UNMAPPED/UNINTEGRATED rows; slice", "relab (as named; values not 0-1)",
     [("ANAEROFRUCAT-PWY: homolactic fermentation", "CSM5FZ3N_P"),
      ("ANAEROFRUCAT-PWY: homolactic fermentation|g__Citrobacter.s__Citrobacter_braakii", "CSM5MCWA_P"),
      ("ANAEROFRUCAT-PWY: homolactic fermentation", "CSM5MCWK_P")], T(), "unstrat")
spec("biobakery_workflows/animal_guts_profile.slice.tsv", "biobakery_workflows", "4", "metaphlan_merged",
     "R-written: EVERY label and the header are in double quotes; first cell '\"Taxonomy\"'; ERR run accessions; SGB-era placeholder clades (c__CFGB15787, s__GGB44931_SGB62420, t__SGB62420); an \"UNKNOWN\" row at the END of the file (k__Bacteria 19.9 + UNKNOWN 71.9 + ... = 100); slice", "relative_abundance percent",
     [("k__Bacteria", "ERR5005154"), ("UNKNOWN", "ERR5005154"),
      ("k__Bacteria|p__Actinobacteria|c__CFGB15787|o__OFGB15787|f__FGB15787|g__GGB44931|s__GGB44931_SGB62420", "ERR5005159")],
     T(quoted=True), "metaphlan")
# ---- HMP2 tables as shipped with MaAsLin
spec("hmp2/Maaslin2_HMP2_taxonomy.slice.tsv", "hmp2", "unknown", "other",
     "TRANSPOSED: samples are ROWS, species are columns; first cell 'ID'; species names with SPACES, no lineage; proportions 0-1 with e-notation (2.99e-05); slice", "relative abundance (0-1)",
     [("Bacteroides caccae", "CSM5FZ4M"), ("Bacteroides dorei", "CSM5FZ4M"), ("Bifidobacterium adolescentis", "CSM5MCUO")],
     lambda p: parse_transposed(p), "all")
spec("hmp2/maaslin3_HMP2_taxonomy.slice.tsv", "hmp2", "unknown", "other",
     "TRANSPOSED and R-written: header has ONE CELL FEWER than the data rows (no cell over the row names); all names double-quoted; values 0-1 with 15-17 digits and e.g. 0.0000295356678800023; slice", "relative abundance (0-1)",
     [("Phocaeicola_vulgatus", "CSM5FZ3N_P"), ("Bacteroides_uniformis", "CSM5FZ3N_P"), ("Phocaeicola_vulgatus", "CSM5FZ3R_P")],
     lambda p: parse_transposed(p, quoted=True, r_header=True), "all")
# ---- BIOM
spec("biom/min_sparse_otu_table.biom", "biom", "1.0", "biom_json", "BIOM 1.0 JSON, sparse, int matrix; triples = first three non-zero cells in row order", "counts",
     None, parse_biom_json, "all")
spec("biom/rich_sparse_otu_table.biom", "biom", "1.0", "biom_json", "BIOM 1.0 JSON, sparse, with taxonomy metadata per row and sample metadata", "counts",
     None, parse_biom_json, "all")
spec("biom/min_sparse_otu_table_hdf5.biom", "biom", "2.1", "biom_hdf5", "BIOM 2.1 HDF5", "counts", None, parse_biom_hdf5, "all")
spec("biom/test.json.gz", "biom", "1.0", "biom_json", "gzip-compressed BIOM 1.0 JSON (float matrix)", "counts (float)",
     None, parse_biom_json, "all")
spec("biom/10x10x0.100_bench.biom.gz", "biom", "1.0", "biom_json", "gzip-compressed BIOM 1.0 JSON benchmark table (generated)", "counts",
     None, parse_biom_json, "all")
# ---- Galaxy tools-iuc test data
spec("galaxy/metaphlan/SRS014464-Anterior_nares-abundances.tabular", "galaxy", "3", "metaphlan_profile_single",
     ".tabular; '#custom_db' database line, full command line, '#SampleID', '#clade_name' header with NCBI_tax_id and additional_species (every row ends with an EMPTY 4th cell)", "relative_abundance percent",
     [("k__Bacteria", "Metaphlan_Analysis"), ("k__Bacteria|p__Proteobacteria|c__Gammaproteobacteria|o__Pseudomonadales|f__Moraxellaceae|g__Moraxella|s__Moraxella_lacunata", "Metaphlan_Analysis"),
      ("k__Bacteria|p__Firmicutes", "Metaphlan_Analysis")], MPA, "metaphlan")
spec("galaxy/metaphlan2/community_profile.tabular", "galaxy", "2", "metaphlan_profile_single",
     "'#SampleID' first line, 2 columns; t__ rows listed AFTER all s__ rows", "relative_abundance percent",
     [("k__Bacteria", "Metaphlan2_Analysis"), (S + "|s__Bacteroides_thetaiotaomicron", "Metaphlan2_Analysis"),
      (S + "|s__Bacteroides_stercoris|t__Bacteroides_stercoris_unclassified", "Metaphlan2_Analysis")], MPA, "metaphlan")
spec("galaxy/metaphlan2/merged.tabular", "galaxy", "2", "metaphlan_merged",
     "first cell 'ID'; second row '__pd__SampleID' carries NON-NUMERIC values ('0.0', 'Metaphlan2_Analysis') and is not a clade; Galaxy dataset names as sample ids", "relative_abundance percent",
     [("k__Bacteria", "dataset_1"), (S + "|s__Bacteroides_stercoris", "dataset_2"), (S + "|s__Bacteroides_thetaiotaomicron", "dataset_1")],
     T(skip_rows=1), "metaphlan")
spec("galaxy/metaphlan2/merged_community_profile.tabular", "galaxy", "2", "metaphlan_merged",
     "first cell 'ID'; BOTH sample columns are named 'community_profile' (duplicate sample ids)", "relative_abundance percent",
     [("k__Bacteria", "community_profile"), (S + "|s__Bacteroides_stercoris", "community_profile"),
      (S + "|s__Bacteroides_thetaiotaomicron|t__Bacteroides_thetaiotaomicron_unclassified", "community_profile")], T(), "NA")
spec("galaxy/humann/demo-taxonomic-profile.tabular", "galaxy", "3", "metaphlan_profile_single",
     ".tabular; '#full-db' line, command line, '#SampleID', '#clade_name' header with NCBI_tax_id and additional_species (empty 4th cell)", "relative_abundance percent",
     [("k__Bacteria", "Metaphlan_Analysis"), (S + "|s__Bacteroides_vulgatus", "Metaphlan_Analysis"), (S + "|s__Bacteroides_dorei", "Metaphlan_Analysis")], MPA, "metaphlan")
spec("galaxy/humann/demo_joined_pathabundance_pathcoverage.tsv", "galaxy", "3", "other",
     "humann_join_tables of an abundance AND a coverage table: one column humann_Abundance, one humann_Coverage (two units in one table); UNMAPPED, UNINTEGRATED, stratum 'unclassified'", "abundance + coverage",
     [("UNMAPPED", "humann_Abundance"), ("HEMESYN2-PWY: heme biosynthesis II (anaerobic)", "humann_Coverage"),
      ("HEMESYN2-PWY: heme biosynthesis II (anaerobic)|unclassified", "humann_Abundance")], T(), "unstrat")
spec("galaxy/humann/cpm_community_renormalized_pathway_abundance.tsv", "galaxy", "3", "humann_renorm_cpm",
     "humann_renorm_table --units cpm --mode community with special rows dropped: NO UNMAPPED/UNINTEGRATED rows; integers or 6 significant digits (93897.3); strata = community", "CPM",
     [("PWY-5423: oleoresin monoterpene volatiles biosynthesis", "humann_Abundance"), ("PWY-5173: superpathway of acetyl-CoA biosynthesis|unclassified", "humann_Abundance"),
      ("PWY-5173: superpathway of acetyl-CoA biosynthesis", "humann_Abundance")], T(), "unstrat")
spec("galaxy/humann/relab_levelwise_renormalized_pathway_abundance.tsv", "galaxy", "3", "humann_renorm_relab",
     "humann_renorm_table --units relab --mode levelwise: each stratum level normalised separately, so a stratum can exceed its community total (0.0787385 > 0.00240678)", "relative abundance (0-1)",
     [("UNMAPPED", "humann_Abundance"), ("PWY-5423: oleoresin monoterpene volatiles biosynthesis", "humann_Abundance"),
      ("PWY-5423: oleoresin monoterpene volatiles biosynthesis|unclassified", "humann_Abundance")], T(), "unstrat")
spec("galaxy/humann2/regrouped_gene_families_to_ko.slice.tsv", "galaxy", "2", "humann_ko",
     "first cell '# Gene Family'; regrouped to bare KO ids (no names); UNMAPPED, UNGROUPED with strata; strata can sum to MORE than the total (K00174 in full file); slice", "RPKs",
     [("UNMAPPED", "demo_Abundance-RPKs"), ("K00018", "demo_Abundance-RPKs"), ("K00018|g__Bacteroides.s__Bacteroides_dorei", "demo_Abundance-RPKs")], T(), "unstrat")
spec("galaxy/humann/regrouped_gene_families_to_infogo1000.slice.tsv", "galaxy", "3", "other",
     "first cell '# Gene Family'; regrouped to GO terms 'GO:0000015' (colon inside the id); UNMAPPED, UNGROUPED with strata; slice", "RPKs",
     [("UNGROUPED", "demo_Abundance-RPKs"), ("GO:0000049", "demo_Abundance-RPKs"), ("GO:0000049|g__Bacteroides.s__Bacteroides_vulgatus", "demo_Abundance-RPKs")], T(), "unstrat")

COLS = ["file", "tool", "tool_version", "kind", "layout_notes", "unit_as_written", "sample_ids",
        "feature1", "sample1", "value1", "feature2", "sample2", "value2", "feature3", "sample3", "value3", "column_sums"]

def main():
    out = []
    for sp in SPEC:
        path = os.path.join(HERE, sp["file"])
        parsed = sp["parse"](path)
        notes = sp["notes"]
        if parsed is None:
            out.append([sp["file"], sp["tool"], sp["version"], sp["kind"], notes + "; h5py missing: values NA",
                        sp["unit"], "NA"] + ["NA"] * 9 + ["NA"])
            continue
        samples, rows = parsed
        cells = sp["cells"]
        if cells is None:   # BIOM without hand-chosen cells: first three non-zero cells in file order
            cells = []
            for feat, vals in rows:
                for j, v in enumerate(vals):
                    if float(v) != 0 and len(cells) < 3:
                        cells.append((feat, samples[j]))
        trip = []
        for feat, samp in cells:
            trip += [feat, samp, lookup(samples, rows, feat, samp)]
        if path.endswith(".gz"):
            notes += "; gzip"
        out.append([sp["file"], sp["tool"], sp["version"], sp["kind"], notes, sp["unit"], ";".join(samples)]
                   + trip + [column_sums(samples, rows, sp["rule"])])
    with open(os.path.join(HERE, "EXPECTED.tsv"), "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, quotechar=None, escapechar=None)
        w.writerow(COLS)
        for r in out:
            for c in r:
                if "\t" in c or "\n" in c:
                    raise SystemExit(f"cell with tab/newline: {c!r}")
            w.writerow(r)
    print(f"{len(out)} rows written")

if __name__ == "__main__":
    main()
