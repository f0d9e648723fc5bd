# Reads snipgen's summary line; fails when fewer than argv[1] of the
# generated instructions were executed.
import re, sys
text = sys.stdin.read()
m = re.search(r"(\d+) primary \+ (\d+) ancillary instructions.*?(\d+) executed on the model", text)
if not m:
    sys.exit("no summary line in: " + text)
total = int(m.group(1)) + int(m.group(2))
ran = int(m.group(3))
print("%d of %d instructions executed" % (ran, total))
sys.exit(0 if ran >= float(sys.argv[1]) * total else "only %d of %d executed" % (ran, total))
