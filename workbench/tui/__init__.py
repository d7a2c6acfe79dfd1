"""The review app (Textual): shows the core's claims and edits the review through it.

Nothing here decides anything about claims, dates or reviews; `workbench.core` does, and this
package only displays its results and forwards the checker's keys to `ReviewWorkspace`.
"""
