import {
  BoldOutlined,
  DisconnectOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Input, Modal, Tooltip } from 'antd';
import { type ClipboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanHtml, htmlToText, safeHref } from './richText';

type Props = {
  id?: string;
  value?: string;
  onChange?: (html: string) => void;
  placeholder?: string;
  'aria-invalid'?: boolean;
  'data-testid'?: string;
};

type Command =
  | 'bold'
  | 'italic'
  | 'h3'
  | 'h4'
  | 'p'
  | 'blockquote'
  | 'insertUnorderedList'
  | 'insertOrderedList';

// The browser's editing commands are old but everywhere, phones included; the result is cleaned.
const exec = (command: string, value?: string) => document.execCommand(command, false, value);

function ToolButton({
  label,
  active,
  onClick,
  children,
  testId,
}: {
  label: string;
  active?: boolean;
  onClick: () => void;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Tooltip title={label} mouseEnterDelay={0.6}>
      <Button
        type={active ? 'primary' : 'text'}
        ghost={active}
        size="small"
        aria-label={label}
        aria-pressed={active}
        // Keep the selection in the text while the button is pressed.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
        data-testid={testId}
      >
        {children}
      </Button>
    </Tooltip>
  );
}

/**
 * A small rich-text editor over a contentEditable region: bold, italic, two heading levels,
 * lists, quotes and links. What it hands the form is cleaned to the tags the server keeps;
 * pasted pages (Word, WeChat articles) are cleaned on the way in.
 */
export function RichTextEditor({ id, value, onChange, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const emitted = useRef<string | undefined>(undefined);
  const saved = useRef<Range | null>(null);
  const [empty, setEmpty] = useState(() => htmlToText(value ?? '') === '');
  const [active, setActive] = useState<{ bold: boolean; italic: boolean; block: string }>({
    bold: false,
    italic: false,
    block: 'p',
  });
  const [linking, setLinking] = useState<string | null>(null);

  // A value from outside (loading a draft, a reset) replaces the text; one's own typing does not.
  useEffect(() => {
    const el = ref.current;
    if (!el || value === emitted.current) return;
    el.innerHTML = cleanHtml(value ?? '');
    emitted.current = value;
    setEmpty(htmlToText(value ?? '') === '');
  }, [value]);

  const emit = () => {
    const el = ref.current;
    if (!el) return;
    const html = htmlToText(el.innerHTML) === '' ? '' : cleanHtml(el.innerHTML);
    setEmpty(html === '');
    emitted.current = html;
    onChange?.(html);
  };

  const refreshActive = () => {
    const selection = document.getSelection();
    const el = ref.current;
    if (!el || !selection?.anchorNode || !el.contains(selection.anchorNode)) return;
    let node: Node | null = selection.anchorNode;
    let block = 'p';
    while (node && node !== el) {
      if (node instanceof Element && ['H3', 'H4', 'BLOCKQUOTE', 'LI'].includes(node.tagName)) {
        block = node.tagName.toLowerCase();
        break;
      }
      node = node.parentNode;
    }
    setActive({
      bold: document.queryCommandState('bold'),
      italic: document.queryCommandState('italic'),
      block,
    });
  };

  useEffect(() => {
    document.addEventListener('selectionchange', refreshActive);
    return () => document.removeEventListener('selectionchange', refreshActive);
  });

  const run = (command: Command) => {
    ref.current?.focus();
    if (command === 'h3' || command === 'h4' || command === 'p' || command === 'blockquote') {
      // A second press on the same heading turns it back into a paragraph.
      exec('formatBlock', active.block === command ? 'p' : command);
    } else {
      exec(command);
    }
    emit();
    refreshActive();
  };

  const openLink = () => {
    const selection = document.getSelection();
    const el = ref.current;
    if (el && selection && selection.rangeCount > 0 && el.contains(selection.anchorNode)) {
      saved.current = selection.getRangeAt(0).cloneRange();
    } else {
      saved.current = null;
    }
    setLinking('https://');
  };

  const applyLink = () => {
    const href = safeHref(linking);
    if (!href) return;
    const el = ref.current;
    el?.focus();
    const selection = document.getSelection();
    if (saved.current && selection) {
      selection.removeAllRanges();
      selection.addRange(saved.current);
    }
    if (selection && !selection.isCollapsed) {
      exec('createLink', href);
    } else {
      // No text chosen: the address itself becomes the link.
      const a = document.createElement('a');
      a.href = href;
      a.textContent = href;
      exec('insertHTML', a.outerHTML);
    }
    setLinking(null);
    emit();
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    const html = e.clipboardData.getData('text/html');
    const text = e.clipboardData.getData('text/plain');
    e.preventDefault();
    if (html) exec('insertHTML', cleanHtml(html));
    else exec('insertText', text);
    emit();
  };

  return (
    <div className="gj-pub-editor" data-empty={empty || undefined}>
      <div className="gj-pub-editor-toolbar" role="toolbar" aria-label={t('notices.editor.toolbar')}>
        <ToolButton
          label={t('notices.editor.bold')}
          active={active.bold}
          onClick={() => run('bold')}
          testId="rte-bold"
        >
          <BoldOutlined />
        </ToolButton>
        <ToolButton
          label={t('notices.editor.italic')}
          active={active.italic}
          onClick={() => run('italic')}
          testId="rte-italic"
        >
          <ItalicOutlined />
        </ToolButton>
        <span className="gj-pub-editor-sep" />
        <ToolButton
          label={t('notices.editor.heading')}
          active={active.block === 'h3'}
          onClick={() => run('h3')}
          testId="rte-h3"
        >
          <span className="gj-pub-editor-glyph">H3</span>
        </ToolButton>
        <ToolButton
          label={t('notices.editor.subheading')}
          active={active.block === 'h4'}
          onClick={() => run('h4')}
          testId="rte-h4"
        >
          <span className="gj-pub-editor-glyph">H4</span>
        </ToolButton>
        <ToolButton
          label={t('notices.editor.quote')}
          active={active.block === 'blockquote'}
          onClick={() => run('blockquote')}
          testId="rte-quote"
        >
          <span className="gj-pub-editor-glyph">❝</span>
        </ToolButton>
        <span className="gj-pub-editor-sep" />
        <ToolButton
          label={t('notices.editor.bulleted')}
          onClick={() => run('insertUnorderedList')}
          testId="rte-ul"
        >
          <UnorderedListOutlined />
        </ToolButton>
        <ToolButton
          label={t('notices.editor.numbered')}
          onClick={() => run('insertOrderedList')}
          testId="rte-ol"
        >
          <OrderedListOutlined />
        </ToolButton>
        <span className="gj-pub-editor-sep" />
        <ToolButton label={t('notices.editor.link')} onClick={openLink} testId="rte-link">
          <LinkOutlined />
        </ToolButton>
        <ToolButton
          label={t('notices.editor.unlink')}
          onClick={() => {
            exec('unlink');
            emit();
          }}
          testId="rte-unlink"
        >
          <DisconnectOutlined />
        </ToolButton>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: rich text needs a contentEditable region, not a textarea */}
      <div
        id={id}
        ref={ref}
        className="gj-pub-editor-area gj-pub-richtext"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label={placeholder}
        aria-invalid={rest['aria-invalid']}
        tabIndex={0}
        data-placeholder={placeholder}
        onInput={emit}
        onBlur={emit}
        onFocus={() => exec('defaultParagraphSeparator', 'p')}
        onPaste={onPaste}
        data-testid={rest['data-testid']}
      />
      <Modal
        open={linking !== null}
        title={t('notices.editor.linkTitle')}
        onCancel={() => setLinking(null)}
        onOk={applyLink}
        okButtonProps={{ disabled: !safeHref(linking), 'data-testid': 'rte-link-ok' }}
        destroyOnHidden
      >
        <Input
          autoFocus
          value={linking ?? ''}
          onChange={(e) => setLinking(e.target.value)}
          onPressEnter={applyLink}
          placeholder="https://"
          status={linking && linking !== 'https://' && !safeHref(linking) ? 'error' : undefined}
          data-testid="rte-link-href"
        />
      </Modal>
    </div>
  );
}
