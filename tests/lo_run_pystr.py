"""Run the VBA function PyStr of macros/XlTools.bas in LibreOffice Basic (VBA mode).

Runs under a Python that has LibreOffice's ``uno`` module (usually the system
python3), not the project venv; used by tests/test_excel_macros.py.

    python3 tests/lo_run_pystr.py SOFFICE XlTools.bas PROFILE_DIR < texts.json > literals.json

The PyStr function text is copied from the .bas into a Basic module with
``Option VBASupport 1`` in a new hidden Calc document and called once per text.
"""

import json
import os
import re
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    soffice, bas, profile = sys.argv[1:4]
    texts = json.load(sys.stdin)
    source = open(bas, encoding="ascii").read()
    func = re.search(r"^Public Function PyStr\(.*?^End Function", source, re.M | re.S).group(0)
    pipe = "xltools_pystr_%d" % os.getpid()
    proc = subprocess.Popen([soffice, "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                             "--headless", "--norestore", "--invisible",
                             "--accept=pipe,name=%s;urp;" % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:  # not listening yet
                time.sleep(0.5)
        else:
            raise SystemExit("soffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        model = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                             (prop("Hidden", True), prop("MacroExecutionMode", 4)))
        libs = model.BasicLibraries
        if not libs.hasByName("Standard"):
            libs.createLibrary("Standard")
        libs.getByName("Standard").insertByName(
            "T", "Option VBASupport 1\nOption Explicit\n" + func)
        script = model.getScriptProvider().getScript(
            "vnd.sun.star.script:Standard.T.PyStr?language=Basic&location=document")
        out = [script.invoke((t,), (), ())[0] for t in texts]
        model.close(True)
        json.dump(out, sys.stdout)
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:  # the bridge closes as soffice exits
                pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
