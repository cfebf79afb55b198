/** « Retirer » with a confirmation: the item is kept 30 days and can be restored from the Suivi screen. */
import './journal.css';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';

/** The remove button and its confirmation dialog. */
export function ConfirmRemove(props: {
  readonly kind: 'device' | 'software';
  readonly id: string;
  readonly name: string;
  readonly label: ReactNode;
  readonly ariaLabel?: string;
  readonly className?: string;
}) {
  const { kind, id, name, label } = props;
  const { t } = useTranslation('carnet');
  const removeItem = useAppStore((s) => s.removeItem);
  const notify = useAppStore((s) => s.notify);
  return (
    <DialogTrigger>
      <Button className={props.className ?? 'button button--quiet'} aria-label={props.ariaLabel}>
        {label}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog__title">
                  {t('remove.confirmTitle', { name })}
                </Heading>
                <p>{t('remove.confirmText', { name })}</p>
                <div className="actions">
                  <Button className="button" onPress={close} autoFocus>
                    {t('remove.cancel')}
                  </Button>
                  <Button
                    className="button button--danger"
                    onPress={() => {
                      close();
                      void removeItem(kind, id).then(
                        (ok) => ok && notify({ kind: 'success', message: t('remove.done', { name }) }),
                      );
                    }}
                  >
                    {t('remove.confirm')}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
