/* A passage in a language other than the article's (a quotation, a name), marked
   <span lang="be">…</span> so that a screen reader pronounces it in that language
   (WCAG 2.2, 3.1.2 Language of Parts).

   django-prose-editor imports this module because DJANGO_PROSE_EDITOR_EXTENSIONS names it, and
   configures the mark from news/rich_text.py: the site's languages, the labels in the admin's
   language, and the rule for a language tag, the same one the sanitiser applies on save. */
import { Mark, crel } from "django-prose-editor/editor"

const ANOTHER_LANGUAGE = "*"

const isLanguageTag = (value, { tagPattern, tagMaxLength }) =>
  value.length <= tagMaxLength && new RegExp(`^(?:${tagPattern})$`).test(value)

const field = (label, widget) =>
  crel("div", { className: "prose-editor-dialog-field" }, [
    crel("label", { htmlFor: widget.id, textContent: label }),
    widget,
  ])

/* Asks for the passage's language: one of the site's, or another by its tag. Resolves to the
   tag, to "" to remove the mark, or to null when the editor cancels. */
const askLanguage = (editor, current, options) =>
  new Promise((resolve) => {
    const { languages, labels } = options
    const id = `language-mark-${Date.now()}`
    const choice = crel("select", { id: `${id}-choice` }, [
      ...Object.entries(languages).map(([code, name]) =>
        crel("option", { value: code, textContent: `${name} (${code})` }),
      ),
      crel("option", { value: ANOTHER_LANGUAGE, textContent: labels.another }),
    ])
    const known = Object.hasOwn(languages, current)
    choice.value = known || !current ? current || Object.keys(languages)[0] : ANOTHER_LANGUAGE
    const tag = crel("input", {
      id: `${id}-tag`,
      type: "text",
      value: known ? "" : current,
      maxLength: options.tagMaxLength,
      spellcheck: false,
      autocomplete: "off",
    })
    const tagField = field(labels.tag, tag)
    tagField.querySelector("label").append(
      crel("span", { className: "prose-editor-help", textContent: labels.tagHelp }),
    )
    const showTag = () => {
      tagField.hidden = choice.value !== ANOTHER_LANGUAGE
    }
    showTag()
    choice.addEventListener("change", showTag)
    tag.addEventListener("input", () => tag.setCustomValidity(""))

    const apply = crel("button", { type: "submit", textContent: labels.apply })
    const remove = crel("button", { type: "button", textContent: labels.remove })
    const cancel = crel("button", { type: "button", textContent: labels.cancel })
    const dialog = crel("dialog", { className: "prose-editor-dialog", "aria-labelledby": id }, [
      crel("form", {}, [
        crel("h3", { id, className: "prose-editor-dialog-title", textContent: labels.button }),
        field(labels.language, choice),
        tagField,
        crel("div", { className: "prose-editor-dialog-buttons" }, [
          apply,
          ...(current ? [remove] : []),
          cancel,
        ]),
      ]),
    ])

    let answer = null
    const answerWith = (value) => {
      answer = value
      dialog.close()
    }
    // Handled on click, so that no submit event bubbles up to the admin's form around the dialog.
    apply.addEventListener("click", (event) => {
      event.preventDefault()
      const lang = choice.value === ANOTHER_LANGUAGE ? tag.value.trim() : choice.value
      if (lang && !isLanguageTag(lang, options)) {
        tag.setCustomValidity(labels.invalid)
        tag.reportValidity()
      } else {
        answerWith(lang)
      }
    })
    remove.addEventListener("click", () => answerWith(""))
    cancel.addEventListener("click", () => dialog.close())
    dialog.addEventListener("close", () => {
      dialog.remove()
      resolve(answer)
    })
    editor.view.dom.parentElement.append(dialog)
    dialog.showModal()
  })

export const Language = Mark.create({
  name: "language",
  // Outside bold, italic and the rest, so that a marked passage stays one span.
  priority: 101,

  addOptions() {
    return { languages: {}, labels: {}, tagPattern: "", tagMaxLength: 0 }
  },

  addAttributes() {
    return { lang: { default: null, parseHTML: (element) => element.getAttribute("lang") } }
  },

  parseHTML() {
    return [
      {
        tag: "span[lang]",
        getAttrs: (element) =>
          isLanguageTag(element.getAttribute("lang"), this.options) ? null : false,
      },
    ]
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", HTMLAttributes, 0]
  },

  addCommands() {
    return {
      setLanguage:
        (lang) =>
        ({ commands }) =>
          commands.setMark(this.name, { lang }),
      unsetLanguage:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name, { extendEmptyMarkRange: true }),
    }
  },

  addMenuItems({ buttons, menu }) {
    const { labels } = this.options
    const button = buttons.material("translate", labels.button)
    menu.defineItem({
      name: this.name,
      groups: "marks",
      button,
      enabled: (editor) => !editor.state.selection.empty || editor.isActive(this.name),
      active: (editor) => editor.isActive(this.name),
      update: (editor) => {
        const { lang } = editor.getAttributes(this.name)
        const title = lang ? `${labels.button}: ${lang}` : labels.button
        button.title = title
        button.setAttribute("aria-label", title)
      },
      command: (editor) => {
        askLanguage(editor, editor.getAttributes(this.name).lang || "", this.options).then(
          (lang) => {
            if (lang === null) return
            const chain = editor.chain().focus()
            // A cursor inside a marked passage changes the whole passage.
            if (editor.state.selection.empty) chain.extendMarkRange(this.name)
            if (lang) chain.setLanguage(lang)
            else chain.unsetLanguage()
            chain.run()
          },
        )
      },
    })
  },
})
