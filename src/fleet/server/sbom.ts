/** CycloneDX SBOMs (JSON, spec 1.6) of one machine's programs or of the whole fleet, for Dependency-Track. */
import { randomUUID } from 'node:crypto';
import * as CDX from '@cyclonedx/cyclonedx-library';

/** A program as the report lists it. */
export interface SbomApplication {
  readonly name: string;
  readonly version: string | null;
  readonly publisher: string | null;
}

/** One machine and its programs. */
export interface SbomMachine {
  readonly id: string;
  readonly hostname: string | null;
  readonly applications: readonly SbomApplication[];
}

const serializer = new CDX.Serialize.JsonSerializer(
  new CDX.Serialize.JSON.Normalize.Factory(CDX.Spec.Spec1dot6),
);

function machineComponent(m: SbomMachine): CDX.Models.Component {
  const device = new CDX.Models.Component(CDX.Enums.ComponentType.Device, m.hostname ?? m.id, {
    bomRef: `machine:${m.id}`,
  });
  m.applications.forEach((a, i) => {
    device.components.add(
      new CDX.Models.Component(CDX.Enums.ComponentType.Application, a.name, {
        bomRef: `machine:${m.id}:app:${i}`,
        version: a.version ?? undefined,
        publisher: a.publisher ?? undefined,
      }),
    );
  });
  return device;
}

/** The SBOM of one machine (the machine is the BOM's subject; its programs are the components). */
export function machineSbom(m: SbomMachine, now: Date): string {
  const bom = new CDX.Models.Bom({ serialNumber: `urn:uuid:${randomUUID()}` });
  bom.metadata.timestamp = now;
  const device = machineComponent(m);
  bom.metadata.component = new CDX.Models.Component(CDX.Enums.ComponentType.Device, device.name, {
    bomRef: device.bomRef.value,
  });
  for (const c of device.components) bom.components.add(c);
  return serializer.serialize(bom, { sortLists: false });
}

/** The SBOM of the fleet: each machine a device component, its programs nested inside. */
export function fleetSbom(machines: readonly SbomMachine[], fleetName: string, now: Date): string {
  const bom = new CDX.Models.Bom({ serialNumber: `urn:uuid:${randomUUID()}` });
  bom.metadata.timestamp = now;
  bom.metadata.component = new CDX.Models.Component(CDX.Enums.ComponentType.Platform, fleetName, {
    bomRef: 'fleet',
  });
  for (const m of machines) bom.components.add(machineComponent(m));
  return serializer.serialize(bom, { sortLists: false });
}
