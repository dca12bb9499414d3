// Environment: browser. The popup list above the composer (canned replies or mentions). Focus stays in the
// textarea, which points at the highlighted option with aria-activedescendant.
export interface Suggestion {
  id: string;
  label: string;
  detail: string;
  preview: string | null;
  insert(): string;
}

interface SuggestionsProps {
  id: string;
  label: string;
  items: Suggestion[];
  activeIndex: number;
  /** Shown when nothing matches (null: hide the list instead). */
  empty: string | null;
  onChoose(index: number): void;
  onHover(index: number): void;
}

export function Suggestions({ id, label, items, activeIndex, empty, onChoose, onHover }: SuggestionsProps) {
  if (items.length === 0 && empty === null) return null;
  return (
    <div className="suggestions">
      <ul role="listbox" id={id} aria-label={label} className="suggestions__list">
        {items.map((item, index) => (
          <li
            key={item.id}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className={`suggestion${index === activeIndex ? ' is-active' : ''}`}
            // Keep focus (and the caret) in the textarea.
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => onHover(index)}
            onClick={() => onChoose(index)}
          >
            <span className="suggestion__label">{item.label}</span>
            <span className="suggestion__detail">{item.detail}</span>
            {item.preview && <span className="suggestion__preview">{item.preview}</span>}
          </li>
        ))}
      </ul>
      {items.length === 0 && empty && <p className="suggestions__empty">{empty}</p>}
    </div>
  );
}
