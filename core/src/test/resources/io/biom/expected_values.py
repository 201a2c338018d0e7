#!/usr/bin/env python3
"""Prints what BiomReaderTest expects of the files make_biom_files.py wrote, read independently
of gutsignal and of biom-format: JSON with python's json module, HDF5 with h5py (3.7.0).
Run from this folder: python3 expected_values.py > expected_values.txt"""
import gzip
import json

import h5py


def json_table(name):
    opener = gzip.open if open(name, 'rb').read(2) == b'\x1f\x8b' else open
    with opener(name, 'rt') as f:
        d = json.load(f)
    rows = [r['id'] for r in d['rows']]
    cols = [c['id'] for c in d['columns']]
    cells = {}
    if d['matrix_type'] == 'dense':
        for i, row in enumerate(d['data']):
            for j, v in enumerate(row):
                cells[(rows[i], cols[j])] = v
    else:
        for i, j, v in d['data']:
            cells[(rows[i], cols[j])] = v
    tax = [r['metadata']['taxonomy'] if r['metadata'] else None for r in d['rows']]
    return d['matrix_type'] + ' ' + d['matrix_element_type'], rows, cols, cells, tax


def hdf5_table(name):
    h = h5py.File(name, 'r')
    rows = [x.decode() for x in h['observation/ids'][()]]
    cols = [x.decode() for x in h['sample/ids'][()]]
    data, ind, ptr = (h['observation/matrix/' + k][()] for k in ('data', 'indices', 'indptr'))
    cells = {}
    for i in range(len(rows)):
        for k in range(ptr[i], ptr[i + 1]):
            cells[(rows[i], cols[ind[k]])] = float(data[k])
    tax = None
    if 'observation/metadata/taxonomy' in h:
        tax = [[x.decode() for x in t] for t in h['observation/metadata/taxonomy'][()]]
    kind = 'format-version %s, data %s, filter %s' % (list(h.attrs['format-version']), data.dtype,
                                                     h['observation/matrix/data'].compression)
    return kind, rows, cols, cells, tax


for name, read in [('dense_counts.biom', json_table), ('sparse_counts_taxonomy.biom', json_table),
                   ('counts_taxonomy_hdf5.biom', hdf5_table), ('relab.biom.gz', json_table),
                   ('misnamed_hdf5.biom.gz', hdf5_table)]:
    kind, rows, cols, cells, tax = read(name)
    print(name, kind)
    print('  samples', cols)
    for i, r in enumerate(rows):
        print('  %-6s %s%s' % (r, [cells.get((r, c), 0) for c in cols],
                              '  ' + '|'.join(tax[i]) if tax and tax[i] else ''))
