"""Resident memory of one long-lived Pipeline over N posts with four new tokens each (a street, a number, a
hashtag, a handle), with and without spaCy memory zones (Config.vocabulary_budget).

    python benchmarks/vocabulary_growth.py 20000        # default budget (200 000 new strings)
    python benchmarks/vocabulary_growth.py 20000 0      # every check in a memory zone

Prints, five times along the way: posts checked, RSS in MB, and the size of the Dutch and English string stores.
"""
import gc
import os
import random
import sys

from socialrisk.pipeline import Pipeline
def rss():
    with open("/proc/self/statm") as f: return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
n = int(sys.argv[1]); cfg = {} if len(sys.argv) < 3 else {"vocabulary_budget": int(sys.argv[2])}
p = Pipeline(cfg).warm_up()
rnd = random.Random(1)
base = ["De gemeente opent morgen het nieuwe zwembad aan de {a}. Kom langs om {b} uur! #{c} @{d}",
        "Our council will debate the {a} plan on Tuesday. Read more: https://example.org/{b} #{c} @{d}"]
print("start", round(rss()), len(p.nlp_for("nl").vocab.strings), len(p.nlp_for("en").vocab.strings))
for i in range(n):
    w = lambda: "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8))
    t = base[i % 2].format(a=w().capitalize() + "straat", b=rnd.randint(10, 99999), c=w(), d=w())
    p.check(t)
    if (i + 1) % (n // 5) == 0:
        gc.collect()
        print(i + 1, round(rss()), len(p.nlp_for("nl").vocab.strings), len(p.nlp_for("en").vocab.strings), flush=True)
