/** Inventaire (étape 1): this computer's programs, the other devices (la flotte), the business software. */
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ListIcon } from '../../components/icons';
import { useAppStore } from '../../store';
import type { InventoryTab } from '../../store/ui-slice';
import { AppList } from './app-list';
import { DevicesPanel } from './devices-panel';
import { SoftwarePanel } from './software-panel';
import { SitePanel } from '../site/site-panel';

/** The inventory screen. */
export function InventoryScreen() {
  const { t } = useTranslation('ui');
  const tab = useAppStore((s) => s.inventoryTab);
  const openInventory = useAppStore((s) => s.openInventory);
  return (
    <div className="screen">
      <header className="screen__header">
        <ListIcon className="screen__icon" />
        <h1>{t('inventory.title')}</h1>
      </header>
      <p>{t('inventory.intro')}</p>
      <Tabs selectedKey={tab} onSelectionChange={(k) => openInventory(k as InventoryTab)} className="tabs">
        <TabList aria-label={t('inventory.title')} className="tabs__list">
          <Tab id="apps" className="tabs__tab">
            {t('inventory.tabApps')}
          </Tab>
          <Tab id="devices" className="tabs__tab">
            {t('inventory.tabDevices')}
          </Tab>
          <Tab id="software" className="tabs__tab">
            {t('inventory.tabSoftware')}
          </Tab>
        </TabList>
        <TabPanel id="apps" className="tabs__panel">
          <AppList />
        </TabPanel>
        <TabPanel id="devices" className="tabs__panel">
          <p>{t('devices.intro')}</p>
          <DevicesPanel />
          <SitePanel />
        </TabPanel>
        <TabPanel id="software" className="tabs__panel">
          <SoftwarePanel />
        </TabPanel>
      </Tabs>
    </div>
  );
}
