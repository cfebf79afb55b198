/** A machine's name as a link to its page (the hash route the fleet page uses). */
export function MachineLink({
  id,
  hostname,
  onOpen,
}: {
  id: string;
  hostname: string | null | undefined;
  onOpen: (id: string) => void;
}) {
  return (
    <a href={`#/machines/${id}`} onClick={(e) => (e.preventDefault(), onOpen(id))}>
      {hostname ?? id}
    </a>
  );
}
