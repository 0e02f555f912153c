"""Loads the scripts of ../shared/tools (make-turn-corpus, score-turns: Python files without a
.py suffix) as modules, so that training and analysis use their own code."""
import importlib.machinery, importlib.util, os

TOOLS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "tools"))


def load_tool(name):
    """The module of ../shared/tools/NAME, e.g. load_tool("score-turns")."""
    loader = importlib.machinery.SourceFileLoader(name.replace("-", "_"), os.path.join(TOOLS, name))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module
