def parse_all(rows):
    return [parse_row(r) for r in rows]

def parse_row(row):
    return int(row["v"]) * 2

parse_all([{"v": "1"}, {"v": "x"}])
