#!/usr/bin/env python3
"""Writes the BIOM test files of this folder with biom-format's reference implementation
(Debian's python3-biom-format 2.1.12; h5py 3.7.0). The numbers are invented: a small gut table,
4 species x 5 patients. Run from this folder: python3 make_biom_files.py
(HDF5 files hold a creation date, so a re-run gives other bytes with the same content.)"""
import gzip
import json

import h5py
import numpy as np
from biom import Table
from biom.parse import parse_biom_table

SAMPLES = ['P01', 'P02', 'P03', 'P04', 'P05']
OTUS = ['OTU_1', 'OTU_2', 'OTU_3', 'OTU_4']
COUNTS = np.array([[120, 0, 35, 8, 0],     # OTU_1
                   [0, 44, 12, 0, 7],      # OTU_2
                   [3, 0, 0, 61, 2],       # OTU_3
                   [15, 9, 0, 0, 30]])     # OTU_4
TAXONOMY = [
    ['k__Bacteria', 'p__Bacteroidota', 'c__Bacteroidia', 'o__Bacteroidales', 'f__Bacteroidaceae',
     'g__Bacteroides', 's__Bacteroides_uniformis'],
    ['k__Bacteria', 'p__Firmicutes', 'c__Clostridia', 'o__Eubacteriales', 'f__Oscillospiraceae',
     'g__Faecalibacterium', 's__Faecalibacterium_prausnitzii'],
    ['k__Bacteria', 'p__Verrucomicrobia', 'c__Verrucomicrobiae', 'o__Verrucomicrobiales',
     'f__Akkermansiaceae', 'g__Akkermansia', 's__Akkermansia_muciniphila'],
    ['k__Bacteria', 'p__Actinobacteria', 'c__Actinomycetia', 'o__Bifidobacteriales',
     'f__Bifidobacteriaceae', 'g__Bifidobacterium', 's__Bifidobacterium_longum'],
]


def table(counts, otus, taxonomy=None):
    md = None if taxonomy is None else [{'taxonomy': t} for t in taxonomy]
    return Table(counts, otus, SAMPLES, observation_metadata=md, type='OTU table')


def write_hdf5(t, name, compress):
    with h5py.File(name, 'w') as f:
        t.to_hdf5(f, 'gutsignal make_biom_files.py', compress=compress)


# 1. BIOM 1.0 dense JSON, written out by hand in the layout of the BIOM 1.0 specification
#    (biom's own writer writes only sparse JSON); biom's parser must read it as the same table
dense = {'id': None, 'format': 'Biological Observation Matrix 1.0.0', 'format_url': 'http://biom-format.org',
         'type': 'OTU table', 'generated_by': 'gutsignal make_biom_files.py', 'date': '2025-01-01T00:00:00',
         'rows': [{'id': o, 'metadata': None} for o in OTUS],
         'columns': [{'id': s, 'metadata': None} for s in SAMPLES],
         'matrix_type': 'dense', 'matrix_element_type': 'int', 'shape': list(COUNTS.shape),
         'data': COUNTS.tolist()}
with open('dense_counts.biom', 'w') as f:
    fields = [' %s: %s' % (json.dumps(k), json.dumps(v)) for k, v in dense.items() if k not in ('rows', 'data')]
    fields.insert(6, ' "rows": [\n  ' + ',\n  '.join(json.dumps(r) for r in dense['rows']) + ']')
    fields.append(' "data": [\n  ' + ',\n  '.join(json.dumps(r) for r in dense['data']) + ']')
    f.write('{\n' + ',\n'.join(fields) + '\n}\n')
with open('dense_counts.biom') as f:
    assert parse_biom_table(f) == table(COUNTS, OTUS)

# 2. BIOM 1.0 sparse JSON with taxonomy; OTU_5 is a second OTU of OTU_1's species
counts5 = np.vstack([COUNTS, [0, 6, 0, 0, 11]])
with open('sparse_counts_taxonomy.biom', 'w') as f:
    f.write(table(counts5, OTUS + ['OTU_5'], TAXONOMY + [TAXONOMY[0]]).to_json('gutsignal make_biom_files.py'))

# 3. BIOM 2.1 HDF5 with taxonomy, data sets gzip-compressed inside the HDF5 file
write_hdf5(table(COUNTS, OTUS, TAXONOMY), 'counts_taxonomy_hdf5.biom', compress=True)

# 4. relative abundances (fractions per sample) as gzip-compressed sparse JSON of floats
relab = table(COUNTS, OTUS).norm(axis='sample', inplace=False)
with gzip.GzipFile('relab.biom.gz', 'wb', mtime=0) as f:
    f.write(relab.to_json('gutsignal make_biom_files.py').encode('utf-8'))

# 5. BIOM 2.1 HDF5 without compression, under a misleading name: it is not gzip
write_hdf5(table(COUNTS, OTUS), 'misnamed_hdf5.biom.gz', compress=False)
