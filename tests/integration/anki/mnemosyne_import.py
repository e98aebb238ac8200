# Runs Mnemosyne's own Anki importer (Debian package `mnemosyne`,
# libmnemosyne/file_formats/anki2.py) headless on one .apkg and prints what it
# imported as JSON. Used by mnemosyne.test.ts as an independent reader of our
# export; the GUI parts are replaced by no-op widgets.
import json, os, shutil, sys, tempfile

from mnemosyne.libmnemosyne import Mnemosyne
from mnemosyne.libmnemosyne.ui_components.main_widget import MainWidget
from mnemosyne.libmnemosyne.ui_components.review_widget import ReviewWidget

errors = []


class Widget(MainWidget):
    def show_information(self, message):
        errors.append(message)

    def show_error(self, message):
        errors.append(message)

    def show_question(self, question, option0, option1, option2=""):
        return 0


class Review(ReviewWidget):
    pass


for _name, _fn in list(vars(ReviewWidget).items()):
    if callable(_fn) and not _name.startswith("__"):
        setattr(Review, _name, lambda self, *a, **k: None)

sys.modules.setdefault("mnemosyne_import", sys.modules[__name__])
work = tempfile.mkdtemp()
m = Mnemosyne(upload_science_logs=False, interested_in_old_reps=True)
m.components.insert(0, ("mnemosyne.libmnemosyne.gui_translators.no_gui_translator", "NoGuiTranslator"))
m.components.append(("mnemosyne_import", "Widget"))
for mode in ("ScheduledForgottenNew", "NewOnly", "CramAll", "CramRecent"):
    m.gui_for_component[mode] = [("mnemosyne_import", "Review")]
m.initialise(os.path.join(work, "data"), automatic_upgrades=False)
apkg = os.path.join(work, "in.apkg")
shutil.copy(sys.argv[1], apkg)
fmt = [f for f in m.component_manager.all("file_format") if f.__class__.__name__ == "Anki2"][0]
fmt.do_import(apkg)
db = m.database()
cards = []
for (_id,) in db.con.execute("select _id from cards"):
    c = db.card(_id, is_id_internal=True)
    cards.append({"q": c.question("plain_text"), "grade": c.grade, "ret_reps": c.ret_reps, "lapses": c.lapses, "easiness": c.easiness})
logs = db.con.execute("select count() from log where event_type = 9").fetchone()[0]  # EventTypes.REPETITION
media = sorted(os.listdir(os.path.join(work, "data", "default.db_media"))) if os.path.isdir(os.path.join(work, "data", "default.db_media")) else []
print(json.dumps({"facts": db.fact_count(), "cards": cards, "repetitions": logs, "media": media, "errors": errors}))
m.finalise()
shutil.rmtree(work, ignore_errors=True)
