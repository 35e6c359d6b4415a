/* Tiptap adds its base styles to the page as a <style> element, which the admin's
   Content-Security-Policy refuses (style-src 'self': no inline styles), so the editor ran without
   them, white-space: pre-wrap among them. They are served as a file, tiptap.css, and this
   extension tells each editor not to add its own (Tiptap's injectCSS option), before the editor
   is mounted, where Tiptap would add them.

   django-prose-editor imports this module because the body's editor widget names it
   (news/admin/widgets.py). */
import { Extension } from "django-prose-editor/editor"

export const StylesheetOnly = Extension.create({
  name: "stylesheetOnly",

  onBeforeCreate() {
    this.editor.options.injectCSS = false
  },
})
